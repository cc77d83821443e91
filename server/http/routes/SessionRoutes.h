#pragma once

#include "auth/AccountService.h"
#include "http/Router.h"

namespace rxdesk::http {

/// POST /api/v1/session (log in), GET /api/v1/session (who am I), DELETE /api/v1/session
/// (log out), POST /api/v1/session/password (change own password).
void addSessionRoutes(Router& router, auth::AccountService& accounts);

}  // namespace rxdesk::http
