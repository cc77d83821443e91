#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "auth/Role.h"

namespace rxdesk::auth {

/// Who is calling: nobody, a staff member with a session, or an API client.
struct Principal {
    enum class Kind { Anonymous, User, Client, System };

    Kind kind = Kind::Anonymous;
    std::int64_t id = 0;
    std::string name;                      ///< login (users) or client name
    std::string display_name;              ///< users: the name shown in the UI
    std::optional<Role> role;              ///< users only
    std::optional<ClientKind> client_kind;  ///< clients only
    std::string institution_code;          ///< clinic clients: the institution they speak for
    std::string csrf_token;                ///< users: required on state-changing requests
    bool password_change_required = false;

    static Principal anonymous() { return {}; }
    /// The operator at the command line or a background job, e.g. system("cli").
    static Principal system(std::string name) {
        Principal p;
        p.kind = Kind::System;
        p.name = std::move(name);
        return p;
    }

    bool isUser() const { return kind == Kind::User; }
    bool isClient() const { return kind == Kind::Client; }

    /// Stable audit identity: "user:12", "client:3", "system:cli", "anonymous".
    std::string actor() const;
};

/// A principal and where the request came from: what services need to act and audit.
struct Caller {
    Principal principal;
    std::string remote_addr;
};

}  // namespace rxdesk::auth
