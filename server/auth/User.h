#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "auth/Role.h"

namespace rxdesk::auth {

/// A staff account as stored.
struct User {
    std::int64_t id = 0;
    std::string login;
    std::string display_name;
    Role role = Role::Clerk;
    std::string password_hash;
    bool password_change_required = false;
    std::string totp_secret;  ///< Base32
    std::int64_t totp_last_step = 0;
    std::optional<std::int64_t> disabled_at;
    std::int64_t created_at = 0;

    bool disabled() const { return disabled_at.has_value(); }
};

}  // namespace rxdesk::auth
