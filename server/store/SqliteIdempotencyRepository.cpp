#include "store/SqliteIdempotencyRepository.h"

#include <SQLiteCpp/Statement.h>

namespace rxdesk::store {

std::optional<StoredResponse> SqliteIdempotencyRepository::find(const std::string& principal,
                                                                const std::string& key) {
    SQLite::Statement q(db_.connection(),
                        "SELECT route, request_hash, status, response_body FROM idempotency_keys "
                        "WHERE principal = ? AND idem_key = ?");
    q.bind(1, principal);
    q.bind(2, key);
    if (!q.executeStep()) return std::nullopt;
    return StoredResponse{q.getColumn(0).getString(), q.getColumn(1).getString(),
                          q.getColumn(2).getInt(), q.getColumn(3).getString()};
}

void SqliteIdempotencyRepository::save(const std::string& principal, const std::string& key,
                                       const StoredResponse& r, std::int64_t now) {
    SQLite::Statement q(db_.connection(),
                        "INSERT INTO idempotency_keys (principal, idem_key, route, request_hash, "
                        "status, response_body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, principal);
    q.bind(2, key);
    q.bind(3, r.route);
    q.bind(4, r.request_hash);
    q.bind(5, r.status);
    q.bind(6, r.body);
    q.bind(7, now);
    q.exec();
}

}  // namespace rxdesk::store
