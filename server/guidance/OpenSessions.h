#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Clock.h"
#include "guidance/Finding.h"

namespace rxdesk::guidance {

/// A session that has started and not yet ended, as the store lists it.
struct OpenSession {
    std::string session_id;
    std::string pharmacist_id;
    std::string patient_id;
    TimePoint started_at;
};

/// Whether `pharmacist_id` may open session `session_id` for `patient_id` while `open` are
/// running. Re-opening the same session_id is allowed (idempotent). Returns a Finding
/// (Severity::Error) with code pharmacist_session_already_open (one patient at a time) or
/// patient_session_already_open; nullopt when allowed. The store must run this check and
/// the insert in one transaction.
std::optional<Finding> checkCanOpenSession(const std::vector<OpenSession>& open,
                                           std::string_view pharmacist_id,
                                           std::string_view patient_id,
                                           std::string_view session_id);

/// Audits a list of open sessions: one Finding per pharmacist (code
/// pharmacist_sessions_concurrent) or patient (patient_sessions_concurrent) with more than
/// one open session, in the order the second session of each appears. Empty when consistent.
std::vector<Finding> findConcurrentSessions(const std::vector<OpenSession>& open);

}  // namespace rxdesk::guidance
