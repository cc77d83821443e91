#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/User.h"

namespace rxdesk::auth {

/// Storage port for staff accounts. Call inside a Transactor scope.
class UserRepository {
public:
    virtual ~UserRepository() = default;

    /// Inserts and returns the new id; throws Error(Conflict, "login_taken") on a duplicate.
    virtual std::int64_t insert(const User& user) = 0;
    virtual std::optional<User> findByLogin(const std::string& login) = 0;
    virtual std::optional<User> findById(std::int64_t id) = 0;
    virtual std::vector<User> list() = 0;
    /// Overwrites the mutable fields (password, TOTP, flags, disabled_at) of `user.id`.
    virtual void update(const User& user) = 0;
    virtual bool anyAdmin() = 0;
};

}  // namespace rxdesk::auth
