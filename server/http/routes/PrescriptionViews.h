#pragma once

#include <Poco/JSON/Object.h>

#include "auth/Principal.h"
#include "intake/PrescriptionRecord.h"

namespace rxdesk::http {

/// The staff view of a queued prescription: status, source, findings, pages (as URLs) and,
/// when `with_content`, the full prescription. With a `viewer`, also `available_actions`:
/// the lifecycle steps that viewer may take now ([{action, label}], see
/// intake::availableActions), so no client repeats the workflow's rules.
Poco::JSON::Object prescriptionView(const intake::PrescriptionRecord& record, bool with_content,
                                    const auth::Principal* viewer = nullptr);

/// What a submitting clinic or fax gateway may see: the pharmacy's progress, nothing of
/// the pharmacist's notes.
Poco::JSON::Object submitterView(const intake::PrescriptionRecord& record);

}  // namespace rxdesk::http
