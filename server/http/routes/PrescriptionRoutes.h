#pragma once

#include "core/BlobStore.h"
#include "http/Router.h"
#include "intake/IntakeService.h"

namespace rxdesk::http {

/// The queue and what staff do with a queued prescription: GET /api/v1/prescriptions
/// (filters), GET …/{id}, its page images, its timeline, lifecycle actions, content entry,
/// duplicate links, and findings decisions.
void addPrescriptionRoutes(Router& router, intake::IntakeService& intake, BlobStore& blobs);

}  // namespace rxdesk::http
