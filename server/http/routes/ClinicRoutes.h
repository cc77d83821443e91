#pragma once

#include "audit/AuditLog.h"
#include "core/Transactor.h"
#include "http/Router.h"
#include "intake/PrescriptionRepository.h"

namespace rxdesk::http {

/// The clinic registry: GET /api/v1/clinics, POST /api/v1/clinics (institution code,
/// name, fax numbers, deadline for originals) and PUT /api/v1/clinics/{id} (edit name, fax
/// numbers, deadline; deactivate or reactivate). Every change is audited.
void addClinicRoutes(Router& router, Transactor& tx, intake::ClinicRepository& clinics,
                     audit::AuditLog& audit);

}  // namespace rxdesk::http
