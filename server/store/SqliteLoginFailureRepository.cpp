#include "store/SqliteLoginFailureRepository.h"

#include <SQLiteCpp/Statement.h>

namespace rxdesk::store {

std::optional<auth::LoginFailures> SqliteLoginFailureRepository::find(const std::string& login) {
    SQLite::Statement q(db_.connection(),
                        "SELECT failures, locked_until, last_failure_at FROM login_failures "
                        "WHERE login = ?");
    q.bind(1, login);
    if (!q.executeStep()) return std::nullopt;
    return auth::LoginFailures{q.getColumn(0).getInt(), q.getColumn(1).getInt64(),
                               q.getColumn(2).getInt64()};
}

void SqliteLoginFailureRepository::save(const std::string& login, const auth::LoginFailures& s) {
    SQLite::Statement q(db_.connection(),
                        "INSERT INTO login_failures (login, failures, locked_until, "
                        "last_failure_at) VALUES (?, ?, ?, ?) ON CONFLICT (login) DO UPDATE SET "
                        "failures = excluded.failures, locked_until = excluded.locked_until, "
                        "last_failure_at = excluded.last_failure_at");
    q.bind(1, login);
    q.bind(2, s.failures);
    q.bind(3, s.locked_until);
    q.bind(4, s.last_failure_at);
    q.exec();
}

void SqliteLoginFailureRepository::clear(const std::string& login) {
    SQLite::Statement q(db_.connection(), "DELETE FROM login_failures WHERE login = ?");
    q.bind(1, login);
    q.exec();
}

}  // namespace rxdesk::store
