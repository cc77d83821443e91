#include <gtest/gtest.h>

#include "GuidanceTestSupport.h"
#include "guidance/RecordValidator.h"

namespace rxdesk::guidance {
namespace {

using test::at;
using namespace std::chrono_literals;

// A first session done by the book: video, identity checked, every topic explained.
GuidanceRecord goodFirstSession() {
    GuidanceRecord r;
    r.session_id = "gs-1";
    r.appointment_id = "ap-1";
    r.pharmacist_id = "ph-1";
    r.patient_id = "pt-1";
    r.started_at = at("2026-11-24T10:00:00+09:00");
    r.ended_at = at("2026-11-24T10:08:00+09:00");
    r.mode = SessionMode::Video;
    r.video_and_audio_confirmed = true;
    r.first_session = true;
    r.identity_document = IdentityDocument::MyNumberCard;
    r.pharmacist_identity_shown = true;
    r.security_risk_agreed = true;
    r.private_space_confirmed = true;
    r.explained_topics = {GuidanceTopic::Effects, GuidanceTopic::SideEffects, GuidanceTopic::Usage,
                          GuidanceTopic::Storage};
    r.outcome = SessionOutcome::Completed;
    return r;
}

RecordFacts firstSessionFacts() {
    RecordFacts f;
    f.now = at("2026-11-24T10:30:00+09:00");
    f.patient_had_previous_online_session = false;
    f.appointment = TimeRange{at("2026-11-24T10:00:00+09:00"), at("2026-11-24T10:10:00+09:00")};
    return f;
}

std::vector<std::string> codes(const std::vector<Finding>& findings, Severity severity) {
    std::vector<std::string> out;
    for (const auto& f : findings)
        if (f.severity == severity) out.push_back(f.code);
    return out;
}

using Codes = std::vector<std::string>;

TEST(RecordValidator, AcceptsACorrectFirstSession) {
    auto findings = validateRecord(goodFirstSession(), firstSessionFacts());
    EXPECT_TRUE(findings.empty()) << findings.front().code;
    EXPECT_FALSE(hasErrors(findings));
}

TEST(RecordValidator, FlagsEachRuleWithItsCodeAndSeverity) {
    struct Case {
        const char* name;
        void (*mutate)(GuidanceRecord&, RecordFacts&);
        Codes errors;
        Codes warnings;
    } cases[] = {
        {"audio only recorded as completed",
         [](GuidanceRecord& r, RecordFacts&) { r.mode = SessionMode::AudioOnly; },
         {"audio_only_not_online_guidance"},
         {}},
        {"audio only with video flag still refused",
         [](GuidanceRecord& r, RecordFacts&) {
             r.mode = SessionMode::AudioOnly;
             r.video_and_audio_confirmed = true;
         },
         {"audio_only_not_online_guidance"},
         {}},
        {"audio only switched to face to face is a valid record",
         [](GuidanceRecord& r, RecordFacts&) {
             r.mode = SessionMode::AudioOnly;
             r.outcome = SessionOutcome::SwitchedToFaceToFace;
             r.stop_reason = "映像が映らないため来局を依頼";
         },
         {},
         {}},
        {"audio only stopped for phone follow-up is a valid record",
         [](GuidanceRecord& r, RecordFacts&) {
             r.mode = SessionMode::AudioOnly;
             r.outcome = SessionOutcome::Stopped;
             r.stop_reason = "電話でフォローアップ";
         },
         {},
         {}},
        {"video not confirmed",
         [](GuidanceRecord& r, RecordFacts&) { r.video_and_audio_confirmed = false; },
         {"video_audio_not_confirmed"},
         {}},
        {"no identity document on first session",
         [](GuidanceRecord& r, RecordFacts&) { r.identity_document = IdentityDocument::None; },
         {"identity_check_missing"},
         {}},
        {"other document without description",
         [](GuidanceRecord& r, RecordFacts&) { r.identity_document = IdentityDocument::Other; },
         {"identity_document_unspecified"},
         {}},
        {"other document described",
         [](GuidanceRecord& r, RecordFacts&) {
             r.identity_document = IdentityDocument::Other;
             r.identity_document_other = "身体障害者手帳";
         },
         {},
         {}},
        {"driver's licence",
         [](GuidanceRecord& r, RecordFacts&) {
             r.identity_document = IdentityDocument::DriversLicense;
         },
         {},
         {}},
        {"passport",
         [](GuidanceRecord& r, RecordFacts&) { r.identity_document = IdentityDocument::Passport; },
         {},
         {}},
        {"pharmacist did not show qualification",
         [](GuidanceRecord& r, RecordFacts&) { r.pharmacist_identity_shown = false; },
         {"pharmacist_identity_not_shown"},
         {}},
        {"follow-up session needs no identity check",
         [](GuidanceRecord& r, RecordFacts& f) {
             r.first_session = false;
             r.identity_document = IdentityDocument::None;
             r.pharmacist_identity_shown = false;
             f.patient_had_previous_online_session = true;
         },
         {},
         {}},
        {"not marked first although no earlier session",
         [](GuidanceRecord& r, RecordFacts&) {
             r.first_session = false;
             r.identity_document = IdentityDocument::None;
         },
         {"first_session_mismatch"},
         {}},
        {"marked first although there was an earlier session",
         [](GuidanceRecord&, RecordFacts& f) { f.patient_had_previous_online_session = true; },
         {},
         {"first_session_unexpected"}},
        {"end before start",
         [](GuidanceRecord& r, RecordFacts&) { r.ended_at = *r.started_at - 1min; },
         {"end_not_after_start"},
         {}},
        {"end equals start",
         [](GuidanceRecord& r, RecordFacts&) { r.ended_at = r.started_at; },
         {"end_not_after_start"},
         {}},
        {"no start",
         [](GuidanceRecord& r, RecordFacts&) { r.started_at.reset(); },
         {"started_at_missing"},
         {}},
        {"no end",
         [](GuidanceRecord& r, RecordFacts&) { r.ended_at.reset(); },
         {"ended_at_missing"},
         {}},
        {"ends in the future",
         [](GuidanceRecord& r, RecordFacts& f) { r.ended_at = f.now + 1s; },
         {"ended_in_future"},
         {}},
        {"others present without consent",
         [](GuidanceRecord& r, RecordFacts&) {
             r.others_present = true;
             r.others_description = "家族（配偶者）";
         },
         {"others_consent_missing"},
         {}},
        {"others present with consent but not described",
         [](GuidanceRecord& r, RecordFacts&) {
             r.others_present = true;
             r.others_consent = true;
         },
         {},
         {"others_description_missing"}},
        {"others present, consented, described",
         [](GuidanceRecord& r, RecordFacts&) {
             r.others_present = true;
             r.others_consent = true;
             r.others_description = "介護者";
         },
         {},
         {}},
        {"security risks not agreed",
         [](GuidanceRecord& r, RecordFacts&) { r.security_risk_agreed = false; },
         {"security_risk_not_agreed"},
         {}},
        {"recorded without consent",
         [](GuidanceRecord& r, RecordFacts&) { r.recorded = true; },
         {"recording_without_consent"},
         {}},
        {"recorded with consent",
         [](GuidanceRecord& r, RecordFacts&) {
             r.recorded = true;
             r.recording_consent = true;
         },
         {},
         {}},
        {"private space not confirmed",
         [](GuidanceRecord& r, RecordFacts&) { r.private_space_confirmed = false; },
         {},
         {"private_space_not_confirmed"}},
        {"nothing explained",
         [](GuidanceRecord& r, RecordFacts&) { r.explained_topics.clear(); },
         {"no_topics_explained"},
         {}},
        {"storage and side effects not explained",
         [](GuidanceRecord& r, RecordFacts&) {
             r.explained_topics = {GuidanceTopic::Effects, GuidanceTopic::Usage};
         },
         {},
         {"topic_not_explained", "topic_not_explained"}},
        {"stopped without reason",
         [](GuidanceRecord& r, RecordFacts&) { r.outcome = SessionOutcome::Stopped; },
         {"stop_reason_missing"},
         {}},
        {"stopped with a blank reason",
         [](GuidanceRecord& r, RecordFacts&) {
             r.outcome = SessionOutcome::Stopped;
             r.stop_reason = "  \n";
         },
         {"stop_reason_missing"},
         {}},
        {"switched without reason",
         [](GuidanceRecord& r, RecordFacts&) { r.outcome = SessionOutcome::SwitchedToFaceToFace; },
         {},
         {"stop_reason_missing"}},
        {"stopped early: conduct checks of a completed session do not apply",
         [](GuidanceRecord& r, RecordFacts&) {
             r.outcome = SessionOutcome::Stopped;
             r.stop_reason = "通信が切断された";
             r.identity_document = IdentityDocument::None;
             r.security_risk_agreed = false;
             r.explained_topics.clear();
             r.video_and_audio_confirmed = false;
         },
         {},
         {}},
        {"stopped: privacy rules still apply",
         [](GuidanceRecord& r, RecordFacts&) {
             r.outcome = SessionOutcome::Stopped;
             r.stop_reason = "患者の希望";
             r.others_present = true;
             r.others_description = "知人";
             r.recorded = true;
         },
         {"others_consent_missing", "recording_without_consent"},
         {}},
        {"started long before the appointment",
         [](GuidanceRecord& r, RecordFacts& f) {
             r.started_at = f.appointment->start - 31min;
             r.ended_at = *r.started_at + 8min;
         },
         {},
         {"outside_appointment_window"}},
        {"started 30 minutes after the slot ended is still fine",
         [](GuidanceRecord& r, RecordFacts& f) {
             r.started_at = f.appointment->end + 30min;
             r.ended_at = *r.started_at + 5min;
             f.now = *r.ended_at;
         },
         {},
         {}},
        {"without an appointment the window is not checked",
         [](GuidanceRecord& r, RecordFacts& f) {
             f.appointment.reset();
             r.started_at = *r.started_at - 5h;
         },
         {},
         {}},
    };
    for (const auto& c : cases) {
        GuidanceRecord record = goodFirstSession();
        RecordFacts facts = firstSessionFacts();
        c.mutate(record, facts);
        auto findings = validateRecord(record, facts);
        EXPECT_EQ(codes(findings, Severity::Error), c.errors) << c.name;
        EXPECT_EQ(codes(findings, Severity::Warning), c.warnings) << c.name;
        EXPECT_EQ(hasErrors(findings), !c.errors.empty()) << c.name;
        for (const auto& f : findings) {
            EXPECT_FALSE(f.message_ja.empty()) << c.name << " " << f.code;
            EXPECT_FALSE(f.field.empty()) << c.name << " " << f.code;
        }
    }
}

TEST(RecordValidator, MissingTopicWarningsNameTheTopicField) {
    GuidanceRecord record = goodFirstSession();
    record.explained_topics = {GuidanceTopic::Effects, GuidanceTopic::Usage};
    auto findings = validateRecord(record, firstSessionFacts());
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].field, "explained_topics.side_effects");
    EXPECT_NE(findings[0].message_ja.find("副作用"), std::string::npos);
    EXPECT_EQ(findings[1].field, "explained_topics.storage");
    EXPECT_NE(findings[1].message_ja.find("保管方法"), std::string::npos);
}

TEST(RecordValidator, AudioOnlyMessageTellsHowToRecordIt) {
    GuidanceRecord record = goodFirstSession();
    record.mode = SessionMode::AudioOnly;
    auto findings = validateRecord(record, firstSessionFacts());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].field, "mode");
    EXPECT_NE(findings[0].message_ja.find("対面"), std::string::npos);
    EXPECT_NE(findings[0].message_ja.find("電話"), std::string::npos);
}

TEST(RecordValidator, ReportsEveryProblemOfABadRecordAtOnce) {
    GuidanceRecord record;  // nothing filled in, defaults to a completed video session
    RecordFacts facts;
    facts.now = at("2026-11-24T10:30:00+09:00");
    auto errors = codes(validateRecord(record, facts), Severity::Error);
    EXPECT_EQ(errors, (Codes{"started_at_missing", "ended_at_missing", "first_session_mismatch",
                             "video_audio_not_confirmed", "security_risk_not_agreed",
                             "no_topics_explained"}));
}

TEST(GuidanceRecordCodes, RoundTripEveryEnumValue) {
    for (auto m : {SessionMode::Video, SessionMode::AudioOnly})
        EXPECT_EQ(parseMode(modeCode(m)), m);
    for (auto d :
         {IdentityDocument::None, IdentityDocument::MyNumberCard, IdentityDocument::DriversLicense,
          IdentityDocument::Passport, IdentityDocument::Other})
        EXPECT_EQ(parseIdentityDocument(identityDocumentCode(d)), d);
    for (auto t : {GuidanceTopic::Effects, GuidanceTopic::SideEffects, GuidanceTopic::Usage,
                   GuidanceTopic::Storage})
        EXPECT_EQ(parseTopic(topicCode(t)), t);
    for (auto o :
         {SessionOutcome::Completed, SessionOutcome::SwitchedToFaceToFace, SessionOutcome::Stopped})
        EXPECT_EQ(parseOutcome(outcomeCode(o)), o);
    EXPECT_EQ(parseMode("phone"), std::nullopt);
    EXPECT_EQ(parseOutcome("Completed"), std::nullopt);  // codes are case-sensitive
    EXPECT_EQ(identityDocumentCode(IdentityDocument::MyNumberCard), "my_number_card");
    EXPECT_EQ(identityDocumentLabelJa(IdentityDocument::MyNumberCard), "マイナンバーカード");
    EXPECT_EQ(identityDocumentLabelJa(IdentityDocument::DriversLicense), "運転免許証");
    EXPECT_EQ(identityDocumentLabelJa(IdentityDocument::Passport), "パスポート");
    EXPECT_EQ(outcomeCode(SessionOutcome::SwitchedToFaceToFace), "switched_to_face_to_face");
}

}  // namespace
}  // namespace rxdesk::guidance
