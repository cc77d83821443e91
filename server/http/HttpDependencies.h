#pragma once

#include "audit/AuditLog.h"
#include "auth/AccountService.h"
#include "auth/ApiClientService.h"
#include "core/Clock.h"
#include "core/IdempotencyRepository.h"
#include "core/Transactor.h"
#include "http/Metrics.h"
#include "http/Router.h"

namespace rxdesk::http {

/// What the request wrapper needs, wired once by server/app.
struct HttpDependencies {
    const Router& router;
    auth::AccountService& accounts;
    auth::ApiClientService& clients;
    Transactor& tx;
    IdempotencyRepository& idempotency;
    audit::AuditLog& audit;
    Metrics& metrics;
    const Clock& clock;
    bool https = true;  ///< adds Strict-Transport-Security
};

/// The name of the session cookie.
inline constexpr const char* kSessionCookie = "rxdesk_session";

}  // namespace rxdesk::http
