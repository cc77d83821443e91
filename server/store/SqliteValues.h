#pragma once

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>

namespace rxdesk::store {

/// Binds "" as NULL: empty text columns are stored as NULL.
inline void bindText(SQLite::Statement& q, int i, const std::string& s) {
    if (s.empty()) q.bind(i);
    else q.bind(i, s);
}

/// Binds an absent value as NULL.
template <typename T>
void bindOptional(SQLite::Statement& q, int i, const std::optional<T>& v) {
    if (v) q.bind(i, *v);
    else q.bind(i);
}

/// Binds a boolean as 0/1, an absent one as NULL.
inline void bindBool(SQLite::Statement& q, int i, const std::optional<bool>& v) {
    if (v) q.bind(i, *v ? 1 : 0);
    else q.bind(i);
}

/// Column i as text, NULL as "".
inline std::string text(SQLite::Statement& q, int i) {
    return q.getColumn(i).isNull() ? "" : q.getColumn(i).getString();
}

/// Column i as an integer, NULL as nullopt.
inline std::optional<std::int64_t> optionalInt(SQLite::Statement& q, int i) {
    if (q.getColumn(i).isNull()) return std::nullopt;
    return q.getColumn(i).getInt64();
}

/// Column i as text, NULL as nullopt.
inline std::optional<std::string> optionalText(SQLite::Statement& q, int i) {
    if (q.getColumn(i).isNull()) return std::nullopt;
    return q.getColumn(i).getString();
}

}  // namespace rxdesk::store
