#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "guidance/Finding.h"
#include "guidance/GuidanceRecord.h"
#include "guidance/TimeRange.h"

namespace rxdesk::guidance {

/// What the store knows that the record itself does not.
struct RecordFacts {
    /// The time of validation; a session cannot end in the future.
    TimePoint now;
    /// The patient already has a completed online guidance session at this pharmacy.
    bool patient_had_previous_online_session = false;
    /// The booked slot, when the session came from an appointment.
    std::optional<TimeRange> appointment;
};

/// How far a session may start before the booked slot or after its end before it is flagged.
inline constexpr std::chrono::minutes kAppointmentTolerance{30};

/// Checks a guidance record before it is finalised. Never throws for record content;
/// returns findings (empty = fine). Errors block finalising; warnings are for the pharmacist.
///
/// Always: started_at_missing, ended_at_missing, end_not_after_start, ended_in_future (E);
/// others_consent_missing (E) and others_description_missing (W) when others were present;
/// recording_without_consent (E); first_session_mismatch (E) when the store knows of no
/// earlier session but the record is not marked first; first_session_unexpected (W) for the
/// reverse; outside_appointment_window (W).
/// Outcome completed: audio_only_not_online_guidance (E: audio-only must be recorded as a
/// switch to face-to-face, or as stopped with e.g. phone follow-up as the reason);
/// video_audio_not_confirmed, security_risk_not_agreed, no_topics_explained (E);
/// private_space_not_confirmed, topic_not_explained (W, one per missing topic); and on a
/// first session identity_check_missing, identity_document_unspecified,
/// pharmacist_identity_not_shown (E).
/// Outcome stopped: stop_reason_missing (E). Switched to face-to-face: stop_reason_missing (W).
/// A stopped or switched session did not deliver online guidance, so the conduct checks of a
/// completed one (identity, topics, security agreement) are not required.
std::vector<Finding> validateRecord(const GuidanceRecord& record, const RecordFacts& facts);

}  // namespace rxdesk::guidance
