#include "store/SqliteUserRepository.h"

#include <SQLiteCpp/Statement.h>

#include "core/Error.h"
#include "store/SqliteErrors.h"

namespace rxdesk::store {
namespace {

constexpr const char* kColumns =
    "id, login, display_name, role, password_hash, password_change_required, totp_secret, "
    "totp_last_step, disabled_at, created_at";

std::string associatedData(std::int64_t id) {
    return "users.totp_secret:" + std::to_string(id);
}

Error unreadableSecret() {
    return Error(ErrorKind::Storage, "totp_secret_unreadable",
                 "確認コードの秘密鍵を復号できません（暗号鍵ファイルを確認してください）");
}

auth::User rowToUser(SQLite::Statement& q, const crypto::SecretBox* secrets) {
    auth::User u;
    u.id = q.getColumn(0).getInt64();
    u.login = q.getColumn(1).getString();
    u.display_name = q.getColumn(2).getString();
    u.role = auth::parseRole(q.getColumn(3).getString()).value_or(auth::Role::Clerk);
    u.password_hash = q.getColumn(4).getString();
    u.password_change_required = q.getColumn(5).getInt() != 0;
    u.totp_secret = q.getColumn(6).getString();
    if (crypto::SecretBox::isSealed(u.totp_secret)) {
        auto opened = secrets ? secrets->open(u.totp_secret, associatedData(u.id)) : std::nullopt;
        if (!opened) throw unreadableSecret();
        u.totp_secret = std::move(*opened);
    }
    u.totp_last_step = q.getColumn(7).getInt64();
    if (!q.getColumn(8).isNull()) u.disabled_at = q.getColumn(8).getInt64();
    u.created_at = q.getColumn(9).getInt64();
    return u;
}

std::optional<auth::User> findOne(SQLite::Statement& q, const crypto::SecretBox* secrets) {
    if (!q.executeStep()) return std::nullopt;
    return rowToUser(q, secrets);
}

}  // namespace

std::string SqliteUserRepository::sealed(const std::string& secret, std::int64_t id) const {
    if (secret.empty()) return secret;
    // Without a key a secret would go to disk in clear: refuse rather than do that.
    if (!secrets_)
        throw Error(ErrorKind::Internal, "secret_key_missing", "暗号鍵が読み込まれていません");
    return secrets_->seal(secret, associatedData(id));
}

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
    // The id is part of the sealed secret's associated data: written once the row has one.
    q.bind(6, std::string());
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
    const std::int64_t id = c.getLastInsertRowid();
    if (!u.totp_secret.empty()) {
        SQLite::Statement secret(c, "UPDATE users SET totp_secret = ? WHERE id = ?");
        secret.bind(1, sealed(u.totp_secret, id));
        secret.bind(2, id);
        secret.exec();
    }
    return id;
}

std::optional<auth::User> SqliteUserRepository::findByLogin(const std::string& login) {
    SQLite::Statement q(db_.connection(),
                        std::string("SELECT ") + kColumns + " FROM users WHERE login = ?");
    q.bind(1, login);
    return findOne(q, secrets_);
}

std::optional<auth::User> SqliteUserRepository::findById(std::int64_t id) {
    SQLite::Statement q(db_.connection(),
                        std::string("SELECT ") + kColumns + " FROM users WHERE id = ?");
    q.bind(1, id);
    return findOne(q, secrets_);
}

std::vector<auth::User> SqliteUserRepository::list() {
    SQLite::Statement q(db_.connection(),
                        std::string("SELECT ") + kColumns + " FROM users ORDER BY login");
    std::vector<auth::User> out;
    while (q.executeStep()) out.push_back(rowToUser(q, secrets_));
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
    q.bind(4, sealed(u.totp_secret, u.id));
    q.bind(5, u.totp_last_step);
    if (u.disabled_at)
        q.bind(6, *u.disabled_at);
    else
        q.bind(6);
    q.bind(7, u.id);
    q.exec();
}

bool SqliteUserRepository::anyAdmin() {
    return db_.connection()
               .execAndGet(
                   "SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND "
                   "disabled_at IS NULL)")
               .getInt() != 0;
}

bool SqliteUserRepository::anySealedSecrets() {
    return db_.connection()
               .execAndGet("SELECT EXISTS (SELECT 1 FROM users WHERE totp_secret LIKE 'v1:%')")
               .getInt() != 0;
}

int SqliteUserRepository::sealClearSecrets() {
    std::vector<std::pair<std::int64_t, std::string>> clear;
    {
        SQLite::Statement q(db_.connection(),
                            "SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL AND "
                            "totp_secret <> '' AND totp_secret NOT LIKE 'v1:%'");
        while (q.executeStep())
            clear.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
    }
    for (const auto& [id, secret] : clear) {
        SQLite::Statement q(db_.connection(), "UPDATE users SET totp_secret = ? WHERE id = ?");
        q.bind(1, sealed(secret, id));
        q.bind(2, id);
        q.exec();
    }
    return int(clear.size());
}

}  // namespace rxdesk::store
