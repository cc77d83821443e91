#pragma once

#include "auth/AccountService.h"
#include "http/Router.h"

namespace rxdesk::http {

/// Staff account administration (admin only): GET/POST /api/v1/users,
/// POST /api/v1/users/{login}/disable, POST /api/v1/users/{login}/totp.
void addUserRoutes(Router& router, auth::AccountService& accounts);

}  // namespace rxdesk::http
