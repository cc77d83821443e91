#pragma once

#include <Poco/JSON/Object.h>

#include "intake/PrescriptionRecord.h"

namespace rxdesk::http {

/// The staff view of a queued prescription: status, source, findings, pages (as URLs) and,
/// when `with_content`, the full prescription.
Poco::JSON::Object prescriptionView(const intake::PrescriptionRecord& record, bool with_content);

/// What a submitting clinic or fax gateway may see: the pharmacy's progress, nothing of
/// the pharmacist's notes.
Poco::JSON::Object submitterView(const intake::PrescriptionRecord& record);

}  // namespace rxdesk::http
