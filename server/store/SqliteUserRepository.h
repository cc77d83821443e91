#pragma once

#include "auth/UserRepository.h"
#include "crypto/SecretBox.h"
#include "store/Database.h"

namespace rxdesk::store {

/// UserRepository over the `users` table. TOTP secrets are stored sealed by `secrets`
/// (AES-256-GCM, associated data "users.totp_secret:<id>"), never in clear; rows written
/// before encryption existed are read as they are until sealClearSecrets() has run. Reading
/// a sealed secret without `secrets`, or one that does not open (another key, an altered or
/// moved value), throws Error(Storage, "totp_secret_unreadable").
class SqliteUserRepository : public auth::UserRepository {
public:
    explicit SqliteUserRepository(Database& db, const crypto::SecretBox* secrets = nullptr)
        : db_(db), secrets_(secrets) {}

    std::int64_t insert(const auth::User& user) override;
    std::optional<auth::User> findByLogin(const std::string& login) override;
    std::optional<auth::User> findById(std::int64_t id) override;
    std::vector<auth::User> list() override;
    void update(const auth::User& user) override;
    bool anyAdmin() override;

    /// True when some row holds a sealed TOTP secret (so the key is needed to start).
    bool anySealedSecrets();
    /// Seals every TOTP secret still stored in clear (databases from before encryption);
    /// returns how many. Call in a write transaction; needs `secrets`.
    int sealClearSecrets();

private:
    std::string sealed(const std::string& secret, std::int64_t id) const;

    Database& db_;
    const crypto::SecretBox* secrets_;
};

}  // namespace rxdesk::store
