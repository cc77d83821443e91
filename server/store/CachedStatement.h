#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace rxdesk::store {

/// A statement handed out by a connection's StatementCache. Use it like a
/// SQLite::Statement (`q->bind(…)`, `q->executeStep()`, `*q`); when the handle goes out of
/// scope the statement is reset and its bindings cleared, ready for the next use.
class CachedStatement {
public:
    CachedStatement(SQLite::Statement* cached, bool* in_use)
        : statement_(cached), in_use_(in_use) {}
    explicit CachedStatement(std::unique_ptr<SQLite::Statement> owned)
        : statement_(owned.get()), owned_(std::move(owned)) {}
    ~CachedStatement();

    CachedStatement(const CachedStatement&) = delete;
    CachedStatement& operator=(const CachedStatement&) = delete;

    SQLite::Statement& operator*() const { return *statement_; }
    SQLite::Statement* operator->() const { return statement_; }

private:
    SQLite::Statement* statement_;
    bool* in_use_ = nullptr;                    // set when the statement lives in the cache
    std::unique_ptr<SQLite::Statement> owned_;  // set when the cached one was busy
};

/// The statements of one connection, each prepared (parsed and planned) once and reused:
/// preparing costs more than running most of rxdesk's statements. A statement already in
/// use (the same SQL run again while an earlier use is open) is prepared afresh instead.
class StatementCache {
public:
    explicit StatementCache(SQLite::Database& connection) : connection_(connection) {}

    CachedStatement get(std::string_view sql);

private:
    struct Entry {
        SQLite::Statement statement;
        bool in_use = false;
    };
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    SQLite::Database& connection_;
    std::unordered_map<std::string, std::unique_ptr<Entry>, Hash, std::equal_to<>> entries_;
};

}  // namespace rxdesk::store
