#pragma once

#include "auth/AccountService.h"
#include "http/Router.h"

namespace rxdesk::http {

/// Staff account administration (admin only): GET/POST /api/v1/users,
/// POST /api/v1/users/{login}/disable, POST /api/v1/users/{login}/totp; and for every
/// signed-in staff member GET /api/v1/pharmacists (active pharmacists: id and display name).
void addUserRoutes(Router& router, auth::AccountService& accounts);

}  // namespace rxdesk::http
