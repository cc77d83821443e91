#include "store/SqliteApiClientRepository.h"

#include <SQLiteCpp/Statement.h>

namespace rxdesk::store {
namespace {

constexpr const char* kSelect =
    "SELECT id, key_id, key_hash, name, kind, institution_code, created_at, revoked_at "
    "FROM api_clients ";

auth::ApiClient rowToClient(SQLite::Statement& q) {
    auth::ApiClient c;
    c.id = q.getColumn(0).getInt64();
    c.key_id = q.getColumn(1).getString();
    c.key_hash = q.getColumn(2).getString();
    c.name = q.getColumn(3).getString();
    c.kind = auth::parseClientKind(q.getColumn(4).getString()).value_or(auth::ClientKind::Clinic);
    c.institution_code = q.getColumn(5).getString();
    c.created_at = q.getColumn(6).getInt64();
    if (!q.getColumn(7).isNull()) c.revoked_at = q.getColumn(7).getInt64();
    return c;
}

}  // namespace

std::int64_t SqliteApiClientRepository::insert(const auth::ApiClient& c) {
    auto& db = db_.connection();
    auto q_statement = db_.statement(
        "INSERT INTO api_clients (key_id, key_hash, name, kind, institution_code, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?)");
    SQLite::Statement& q = *q_statement;
    q.bind(1, c.key_id);
    q.bind(2, c.key_hash);
    q.bind(3, c.name);
    q.bind(4, std::string(auth::clientKindName(c.kind)));
    if (c.institution_code.empty())
        q.bind(5);
    else
        q.bind(5, c.institution_code);
    q.bind(6, c.created_at);
    q.exec();
    return db.getLastInsertRowid();
}

std::optional<auth::ApiClient> SqliteApiClientRepository::findByKeyId(const std::string& key_id) {
    auto q_statement = db_.statement(std::string(kSelect) + "WHERE key_id = ?");
    SQLite::Statement& q = *q_statement;
    q.bind(1, key_id);
    if (!q.executeStep()) return std::nullopt;
    return rowToClient(q);
}

std::optional<auth::ApiClient> SqliteApiClientRepository::findById(std::int64_t id) {
    auto q_statement = db_.statement(std::string(kSelect) + "WHERE id = ?");
    SQLite::Statement& q = *q_statement;
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return rowToClient(q);
}

std::vector<auth::ApiClient> SqliteApiClientRepository::list() {
    auto q_statement = db_.statement(std::string(kSelect) + "ORDER BY id");
    SQLite::Statement& q = *q_statement;
    std::vector<auth::ApiClient> out;
    while (q.executeStep()) out.push_back(rowToClient(q));
    return out;
}

void SqliteApiClientRepository::revoke(std::int64_t id, std::int64_t at) {
    auto q_statement = db_.statement("UPDATE api_clients SET revoked_at = ? WHERE id = ?");
    SQLite::Statement& q = *q_statement;
    q.bind(1, at);
    q.bind(2, id);
    q.exec();
}

}  // namespace rxdesk::store
