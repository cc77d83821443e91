#pragma once

#include "eprescription/EPrescriptionService.h"
#include "http/Router.h"
#include "intake/DocumentReader.h"
#include "intake/IntakeService.h"

namespace rxdesk::http {

/// The four ways in: POST /api/v1/faxes (fax gateways), POST /api/v1/scans (paper at the
/// counter), POST /api/v1/prescriptions (clinic systems), POST /api/v1/eprescriptions/
/// retrieve (exchange number). `eprescriptions` may be null when no service is configured.
void addIntakeRoutes(Router& router, intake::IntakeService& intake, intake::DocumentReader& reader,
                     BlobStore& blobs, eprescription::EPrescriptionService* eprescriptions);

}  // namespace rxdesk::http
