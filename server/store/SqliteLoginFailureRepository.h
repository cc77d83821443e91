#pragma once

#include "auth/LoginThrottle.h"
#include "store/Database.h"

namespace rxdesk::store {

/// LoginFailureRepository over the `login_failures` table.
class SqliteLoginFailureRepository : public auth::LoginFailureRepository {
public:
    explicit SqliteLoginFailureRepository(Database& db) : db_(db) {}

    std::optional<auth::LoginFailures> find(const std::string& login) override;
    void save(const std::string& login, const auth::LoginFailures& state) override;
    void clear(const std::string& login) override;

private:
    Database& db_;
};

}  // namespace rxdesk::store
