#include "store/SqliteUserRepository.h"

#include <SQLiteCpp/Statement.h>

#include "core/Error.h"
#include "store/SqliteErrors.h"

namespace rxdesk::store {
namespace {

constexpr const char* kColumns =
    "id, login, display_name, role, password_hash, password_change_required, totp_secret, "
    "totp_last_step, disabled_at, created_at";

auth::User rowToUser(SQLite::Statement& q) {
    auth::User u;
    u.id = q.getColumn(0).getInt64();
    u.login = q.getColumn(1).getString();
    u.display_name = q.getColumn(2).getString();
    u.role = auth::parseRole(q.getColumn(3).getString()).value_or(auth::Role::Clerk);
    u.password_hash = q.getColumn(4).getString();
    u.password_change_required = q.getColumn(5).getInt() != 0;
    u.totp_secret = q.getColumn(6).getString();
    u.totp_last_step = q.getColumn(7).getInt64();
    if (!q.getColumn(8).isNull()) u.disabled_at = q.getColumn(8).getInt64();
    u.created_at = q.getColumn(9).getInt64();
    return u;
}

std::optional<auth::User> findOne(SQLite::Statement& q) {
    if (!q.executeStep()) return std::nullopt;
    return rowToUser(q);
}

}  // namespace

std::int64_t SqliteUserRepository::insert(const auth::User& u) {
    auto& c = db_.connection();
    SQLite::Statement q(c,
                        "INSERT INTO users (login, display_name, role, password_hash, "
                        "password_change_required, totp_secret, totp_last_step, disabled_at, "
                        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, u.login);
    q.bind(2, u.display_name);
    q.bind(3, std::string(auth::roleName(u.role)));
    q.bind(4, u.password_hash);
    q.bind(5, u.password_change_required ? 1 : 0);
    q.bind(6, u.totp_secret);
    q.bind(7, u.totp_last_step);
    if (u.disabled_at) q.bind(8, *u.disabled_at);
    q.bind(9, u.created_at);
    try {
        q.exec();
    } catch (const SQLite::Exception& e) {
        if (isUniqueViolation(e))
            throw Error(ErrorKind::Conflict, "login_taken", "そのログイン名は既に使われています",
                        "login");
        throw;
    }
    return c.getLastInsertRowid();
}

std::optional<auth::User> SqliteUserRepository::findByLogin(const std::string& login) {
    SQLite::Statement q(db_.connection(),
                        std::string("SELECT ") + kColumns + " FROM users WHERE login = ?");
    q.bind(1, login);
    return findOne(q);
}

std::optional<auth::User> SqliteUserRepository::findById(std::int64_t id) {
    SQLite::Statement q(db_.connection(),
                        std::string("SELECT ") + kColumns + " FROM users WHERE id = ?");
    q.bind(1, id);
    return findOne(q);
}

std::vector<auth::User> SqliteUserRepository::list() {
    SQLite::Statement q(db_.connection(),
                        std::string("SELECT ") + kColumns + " FROM users ORDER BY login");
    std::vector<auth::User> out;
    while (q.executeStep()) out.push_back(rowToUser(q));
    return out;
}

void SqliteUserRepository::update(const auth::User& u) {
    SQLite::Statement q(db_.connection(),
                        "UPDATE users SET display_name = ?, password_hash = ?, "
                        "password_change_required = ?, totp_secret = ?, totp_last_step = ?, "
                        "disabled_at = ? WHERE id = ?");
    q.bind(1, u.display_name);
    q.bind(2, u.password_hash);
    q.bind(3, u.password_change_required ? 1 : 0);
    q.bind(4, u.totp_secret);
    q.bind(5, u.totp_last_step);
    if (u.disabled_at) q.bind(6, *u.disabled_at);
    else q.bind(6);
    q.bind(7, u.id);
    q.exec();
}

bool SqliteUserRepository::anyAdmin() {
    return db_.connection()
               .execAndGet("SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND "
                           "disabled_at IS NULL)")
               .getInt() != 0;
}

}  // namespace rxdesk::store
