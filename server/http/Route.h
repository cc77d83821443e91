#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "auth/Permission.h"

namespace rxdesk::http {

class RequestContext;

/// One endpoint: what it answers, who may call it, and its limits.
struct Route {
    std::string method;   ///< "GET", "POST", …
    std::string pattern;  ///< "/api/v1/users/{login}/disable": {name} matches one segment
    auth::Permission permission = auth::Permission::Public;
    std::size_t max_body_bytes = 64 * 1024;
    bool idempotent = false;  ///< honours the Idempotency-Key header (creating POSTs)
    bool allowed_before_password_change = false;
    std::function<void(RequestContext&)> handle;
};

}  // namespace rxdesk::http
