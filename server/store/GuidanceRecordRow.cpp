#include "store/GuidanceRecordRow.h"

#include <SQLiteCpp/Column.h>

#include <array>
#include <set>

#include "core/TokyoTime.h"

namespace rxdesk::store {
namespace {

constexpr std::array<std::string_view, 31> kColumns = {"appointment_id",
                                                       "pharmacist_id",
                                                       "patient_ref",
                                                       "started_at",
                                                       "ended_at",
                                                       "mode",
                                                       "video_and_audio_confirmed",
                                                       "first_session",
                                                       "identity_document",
                                                       "identity_document_other",
                                                       "pharmacist_identity_shown",
                                                       "others_present",
                                                       "others_description",
                                                       "others_consent",
                                                       "security_risk_agreed",
                                                       "private_space_confirmed",
                                                       "recorded",
                                                       "recording_consent",
                                                       "explained_topics",
                                                       "outcome",
                                                       "stop_reason",
                                                       "notebook_presented",
                                                       "home_patient",
                                                       "home_visit_same_day",
                                                       "previous_visit_date",
                                                       "fee_kind",
                                                       "fee_points",
                                                       "fee_basis",
                                                       "fee_reason",
                                                       "recorded_at",
                                                       "recorded_by"};

std::set<guidance::GuidanceTopic> splitTopics(const std::string& text) {
    std::set<guidance::GuidanceTopic> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        if (auto t = guidance::parseTopic(text.substr(start, comma - start))) out.insert(*t);
        start = comma + 1;
    }
    return out;
}

}  // namespace

std::string guidanceRecordColumns(std::string_view alias) {
    std::string out;
    for (auto name : kColumns) {
        if (!out.empty()) out += ", ";
        if (!alias.empty()) (out += alias) += '.';
        out += name;
    }
    return out;
}

scheduling::StoredRecord readGuidanceRecord(SQLite::Statement& q, int& column) {
    scheduling::StoredRecord s;
    auto next = [&]() -> SQLite::Column { return q.getColumn(column++); };
    s.appointment_id = next().getInt64();
    s.pharmacist_id = next().getInt64();
    s.patient_ref = next().getString();
    auto& r = s.record;
    r.appointment_id = r.session_id = std::to_string(s.appointment_id);
    r.pharmacist_id = std::to_string(s.pharmacist_id);
    r.patient_id = s.patient_ref;
    r.started_at = fromUnixSeconds(next().getInt64());
    r.ended_at = fromUnixSeconds(next().getInt64());
    r.mode = guidance::parseMode(next().getString()).value_or(guidance::SessionMode::Video);
    r.video_and_audio_confirmed = next().getInt() != 0;
    r.first_session = next().getInt() != 0;
    r.identity_document = guidance::parseIdentityDocument(next().getString())
                              .value_or(guidance::IdentityDocument::None);
    r.identity_document_other = next().getString();
    r.pharmacist_identity_shown = next().getInt() != 0;
    r.others_present = next().getInt() != 0;
    r.others_description = next().getString();
    r.others_consent = next().getInt() != 0;
    r.security_risk_agreed = next().getInt() != 0;
    r.private_space_confirmed = next().getInt() != 0;
    r.recorded = next().getInt() != 0;
    r.recording_consent = next().getInt() != 0;
    r.explained_topics = splitTopics(next().getString());
    r.outcome =
        guidance::parseOutcome(next().getString()).value_or(guidance::SessionOutcome::Completed);
    r.stop_reason = next().getString();
    s.history.notebook_presented = next().getInt() != 0;
    s.history.home_patient = next().getInt() != 0;
    s.history.home_visit_same_day = next().getInt() != 0;
    auto previous = next();
    if (!previous.isNull()) s.history.previous_prescription_date = parseDate(previous.getString());
    const auto kind = next().getString();
    s.fee.kind = kind == "medication_management_online"
                     ? guidance::FeeKind::MedicationManagementOnline
                 : kind == "home_patient_online" ? guidance::FeeKind::HomePatientOnline
                                                 : guidance::FeeKind::None;
    s.fee.points = next().getInt();
    s.fee.basis = next().getString();
    s.fee.reason_ja = next().getString();
    s.recorded_at = fromUnixSeconds(next().getInt64());
    s.recorded_by = next().getString();
    return s;
}

}  // namespace rxdesk::store
