#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/Clock.h"

namespace rxdesk::guidance {

/// How the session actually ran. Only Video counts as online guidance.
enum class SessionMode { Video, AudioOnly };

/// The photo ID the patient showed on the first session. No image is stored, only the kind.
enum class IdentityDocument { None, MyNumberCard, DriversLicense, Passport, Other };

/// What the pharmacist explained.
enum class GuidanceTopic { Effects, SideEffects, Usage, Storage };

/// How the session ended.
enum class SessionOutcome {
    Completed,             ///< online guidance done
    SwitchedToFaceToFace,  ///< the pharmacist switched to face-to-face (対面への切替)
    Stopped,               ///< stopped; `stop_reason` says why (e.g. phone follow-up)
};

/// The record of one online guidance session (オンライン服薬指導の記録), kept with the
/// dispensing record. Times are instants (UTC inside, shown in Asia/Tokyo).
struct GuidanceRecord {
    std::string session_id;
    std::string appointment_id;
    std::string pharmacist_id;
    std::string patient_id;

    std::optional<TimePoint> started_at;
    std::optional<TimePoint> ended_at;

    SessionMode mode = SessionMode::Video;
    /// The pharmacist confirmed that both picture and sound worked in both directions.
    bool video_and_audio_confirmed = false;

    /// First online guidance session of this patient at this pharmacy.
    bool first_session = false;
    IdentityDocument identity_document = IdentityDocument::None;
    /// What the document was, when identity_document is Other (e.g. "健康保険証＋写真付き社員証").
    std::string identity_document_other;
    /// The pharmacist showed their name and qualification (薬剤師免許) to the patient.
    bool pharmacist_identity_shown = false;

    bool others_present = false;
    /// Who else was present (e.g. "家族（配偶者）"); free text entered by the pharmacist.
    std::string others_description;
    bool others_consent = false;

    /// The patient was told the security risks of online guidance and agreed.
    bool security_risk_agreed = false;
    /// Both sides confirmed they were in a private space.
    bool private_space_confirmed = false;
    bool recorded = false;
    bool recording_consent = false;

    std::set<GuidanceTopic> explained_topics;

    SessionOutcome outcome = SessionOutcome::Completed;
    std::string stop_reason;
};

/// Stable codes for storage and JSON: "video"/"audio_only"; "none"/"my_number_card"/
/// "drivers_license"/"passport"/"other"; "effects"/"side_effects"/"usage"/"storage";
/// "completed"/"switched_to_face_to_face"/"stopped". The parse functions return nullopt for
/// unknown codes.
std::string_view modeCode(SessionMode mode);
std::string_view identityDocumentCode(IdentityDocument document);
std::string_view topicCode(GuidanceTopic topic);
std::string_view outcomeCode(SessionOutcome outcome);
std::optional<SessionMode> parseMode(std::string_view code);
std::optional<IdentityDocument> parseIdentityDocument(std::string_view code);
std::optional<GuidanceTopic> parseTopic(std::string_view code);
std::optional<SessionOutcome> parseOutcome(std::string_view code);

/// Japanese labels for screens and printouts, e.g. "マイナンバーカード", "副作用".
std::string_view identityDocumentLabelJa(IdentityDocument document);
std::string_view topicLabelJa(GuidanceTopic topic);

}  // namespace rxdesk::guidance
