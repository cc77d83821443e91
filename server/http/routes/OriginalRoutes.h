#pragma once

#include "core/BlobStore.h"
#include "http/Router.h"
#include "originals/OriginalsService.h"

namespace rxdesk::http {

/// The オンライン対応 originals workflow: arrival and reconciliation of a prescription's
/// original (POST/GET /api/v1/prescriptions/{id}/original, …/original/comparison),
/// inquiries (…/inquiries, …/inquiries/{inquiry}/resolve), originals without a known
/// prescription (POST /api/v1/originals, …/orphans, …/orphans/{orphan}/attach and pages),
/// the overdue list (…/outstanding), chase letters (…/chase, a PDF) and the clinic's view
/// (…/awaiting).
void addOriginalRoutes(Router& router, originals::OriginalsService& originals, BlobStore& blobs,
                       std::string font_path = {});

}  // namespace rxdesk::http
