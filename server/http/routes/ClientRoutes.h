#pragma once

#include "auth/ApiClientService.h"
#include "http/Router.h"

namespace rxdesk::http {

/// API client administration (admin only): GET/POST /api/v1/clients,
/// POST /api/v1/clients/{id}/revoke.
void addClientRoutes(Router& router, auth::ApiClientService& clients);

}  // namespace rxdesk::http
