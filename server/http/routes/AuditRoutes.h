#pragma once

#include "audit/AuditLog.h"
#include "http/Router.h"

namespace rxdesk::http {

/// GET /api/v1/audit/verification (admin): verifies the whole hash chain.
void addAuditRoutes(Router& router, audit::AuditLog& audit);

}  // namespace rxdesk::http
