#include "store/SqliteSessionRepository.h"

#include <SQLiteCpp/Statement.h>

namespace rxdesk::store {

void SqliteSessionRepository::insert(const auth::SessionRecord& s) {
    SQLite::Statement q(db_.connection(),
                        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, "
                        "last_seen_at) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, s.token_hash);
    q.bind(2, s.user_id);
    q.bind(3, s.csrf_token);
    q.bind(4, s.created_at);
    q.bind(5, s.last_seen_at);
    q.exec();
}

std::optional<auth::SessionRecord> SqliteSessionRepository::find(const std::string& token_hash) {
    SQLite::Statement q(db_.connection(),
                        "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at "
                        "FROM sessions WHERE token_hash = ?");
    q.bind(1, token_hash);
    if (!q.executeStep()) return std::nullopt;
    return auth::SessionRecord{q.getColumn(0).getString(), q.getColumn(1).getInt64(),
                               q.getColumn(2).getString(), q.getColumn(3).getInt64(),
                               q.getColumn(4).getInt64()};
}

void SqliteSessionRepository::touch(const std::string& token_hash, std::int64_t now) {
    SQLite::Statement q(db_.connection(),
                        "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?");
    q.bind(1, now);
    q.bind(2, token_hash);
    q.exec();
}

void SqliteSessionRepository::remove(const std::string& token_hash) {
    SQLite::Statement q(db_.connection(), "DELETE FROM sessions WHERE token_hash = ?");
    q.bind(1, token_hash);
    q.exec();
}

void SqliteSessionRepository::removeAllOf(std::int64_t user_id) {
    SQLite::Statement q(db_.connection(), "DELETE FROM sessions WHERE user_id = ?");
    q.bind(1, user_id);
    q.exec();
}

}  // namespace rxdesk::store
