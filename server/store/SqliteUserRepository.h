#pragma once

#include "auth/UserRepository.h"
#include "store/Database.h"

namespace rxdesk::store {

/// UserRepository over the `users` table.
class SqliteUserRepository : public auth::UserRepository {
public:
    explicit SqliteUserRepository(Database& db) : db_(db) {}

    std::int64_t insert(const auth::User& user) override;
    std::optional<auth::User> findByLogin(const std::string& login) override;
    std::optional<auth::User> findById(std::int64_t id) override;
    std::vector<auth::User> list() override;
    void update(const auth::User& user) override;
    bool anyAdmin() override;

private:
    Database& db_;
};

}  // namespace rxdesk::store
