#include <gtest/gtest.h>

#include "GuidanceTestSupport.h"
#include "guidance/GuidanceFee.h"

namespace rxdesk::guidance {
namespace {

using test::at;
using test::day;

// The session: Tuesday 2026-11-24 10:00 JST.
GuidanceRecord completedVideoSession() {
    GuidanceRecord r;
    r.started_at = at("2026-11-24T10:00:00+09:00");
    r.ended_at = at("2026-11-24T10:08:00+09:00");
    r.mode = SessionMode::Video;
    r.outcome = SessionOutcome::Completed;
    return r;
}

constexpr bool Y = true;
constexpr bool N = false;
using O = SessionOutcome;
using K = FeeKind;

// Every combination of: returned within 3 months × notebook presented × home patient ×
// home visit on the same day × outcome. Expected values are written out, not computed.
TEST(GuidanceFee, DecidesEveryCombinationOfHistoryAndOutcome) {
    struct Case {
        bool returned_within_3_months;
        bool notebook;
        bool home_patient;
        bool home_visit_same_day;
        SessionOutcome outcome;
        FeeKind kind;
        int points;
        const char* basis;
    } cases[] = {
        {Y, Y, Y, Y, O::Completed, K::HomePatientOnline, 0, "home_visit_same_day"},
        {Y, Y, Y, Y, O::SwitchedToFaceToFace, K::None, 0, "switched_to_face_to_face"},
        {Y, Y, Y, Y, O::Stopped, K::None, 0, "stopped"},
        {Y, Y, Y, N, O::Completed, K::HomePatientOnline, 59, "home_patient_online"},
        {Y, Y, Y, N, O::SwitchedToFaceToFace, K::None, 0, "switched_to_face_to_face"},
        {Y, Y, Y, N, O::Stopped, K::None, 0, "stopped"},
        {Y, Y, N, Y, O::Completed, K::MedicationManagementOnline, 45, "returned_with_notebook"},
        {Y, Y, N, Y, O::SwitchedToFaceToFace, K::None, 0, "switched_to_face_to_face"},
        {Y, Y, N, Y, O::Stopped, K::None, 0, "stopped"},
        {Y, Y, N, N, O::Completed, K::MedicationManagementOnline, 45, "returned_with_notebook"},
        {Y, Y, N, N, O::SwitchedToFaceToFace, K::None, 0, "switched_to_face_to_face"},
        {Y, Y, N, N, O::Stopped, K::None, 0, "stopped"},
        {Y, N, Y, Y, O::Completed, K::HomePatientOnline, 0, "home_visit_same_day"},
        {Y, N, Y, Y, O::SwitchedToFaceToFace, K::None, 0, "switched_to_face_to_face"},
        {Y, N, Y, Y, O::Stopped, K::None, 0, "stopped"},
        {Y, N, Y, N, O::Completed, K::HomePatientOnline, 59, "home_patient_online"},
        {Y, N, Y, N, O::SwitchedToFaceToFace, K::None, 0, "switched_to_face_to_face"},
        {Y, N, Y, N, O::Stopped, K::None, 0, "stopped"},
        {Y, N, N, Y, O::Completed, K::MedicationManagementOnline, 59, "returned_without_notebook"},
        {Y, N, N, Y, O::SwitchedToFaceToFace, K::None, 0, "switched_to_face_to_face"},
        {Y, N, N, Y, O::Stopped, K::None, 0, "stopped"},
        {Y, N, N, N, O::Completed, K::MedicationManagementOnline, 59, "returned_without_notebook"},
        {Y, N, N, N, O::SwitchedToFaceToFace, K::None, 0, "switched_to_face_to_face"},
        {Y, N, N, N, O::Stopped, K::None, 0, "stopped"},
        {N, Y, Y, Y, O::Completed, K::HomePatientOnline, 0, "home_visit_same_day"},
        {N, Y, Y, Y, O::SwitchedToFaceToFace, K::None, 0, "switched_to_face_to_face"},
        {N, Y, Y, Y, O::Stopped, K::None, 0, "stopped"},
        {N, Y, Y, N, O::Completed, K::HomePatientOnline, 59, "home_patient_online"},
        {N, Y, Y, N, O::SwitchedToFaceToFace, K::None, 0, "switched_to_face_to_face"},
        {N, Y, Y, N, O::Stopped, K::None, 0, "stopped"},
        {N, Y, N, Y, O::Completed, K::MedicationManagementOnline, 59,
         "not_returned_within_3_months"},
        {N, Y, N, Y, O::SwitchedToFaceToFace, K::None, 0, "switched_to_face_to_face"},
        {N, Y, N, Y, O::Stopped, K::None, 0, "stopped"},
        {N, Y, N, N, O::Completed, K::MedicationManagementOnline, 59,
         "not_returned_within_3_months"},
        {N, Y, N, N, O::SwitchedToFaceToFace, K::None, 0, "switched_to_face_to_face"},
        {N, Y, N, N, O::Stopped, K::None, 0, "stopped"},
        {N, N, Y, Y, O::Completed, K::HomePatientOnline, 0, "home_visit_same_day"},
        {N, N, Y, Y, O::SwitchedToFaceToFace, K::None, 0, "switched_to_face_to_face"},
        {N, N, Y, Y, O::Stopped, K::None, 0, "stopped"},
        {N, N, Y, N, O::Completed, K::HomePatientOnline, 59, "home_patient_online"},
        {N, N, Y, N, O::SwitchedToFaceToFace, K::None, 0, "switched_to_face_to_face"},
        {N, N, Y, N, O::Stopped, K::None, 0, "stopped"},
        {N, N, N, Y, O::Completed, K::MedicationManagementOnline, 59,
         "not_returned_within_3_months"},
        {N, N, N, Y, O::SwitchedToFaceToFace, K::None, 0, "switched_to_face_to_face"},
        {N, N, N, Y, O::Stopped, K::None, 0, "stopped"},
        {N, N, N, N, O::Completed, K::MedicationManagementOnline, 59,
         "not_returned_within_3_months"},
        {N, N, N, N, O::SwitchedToFaceToFace, K::None, 0, "switched_to_face_to_face"},
        {N, N, N, N, O::Stopped, K::None, 0, "stopped"},
    };
    ASSERT_EQ(std::size(cases), 48u);
    for (const auto& c : cases) {
        GuidanceRecord record = completedVideoSession();
        record.outcome = c.outcome;
        FeeHistory history;
        // 2026-09-01 is within three months of 2026-11-24; 2026-08-01 is not.
        history.previous_prescription_date =
            c.returned_within_3_months ? day("2026-09-01") : day("2026-08-01");
        history.notebook_presented = c.notebook;
        history.home_patient = c.home_patient;
        history.home_visit_same_day = c.home_visit_same_day;
        const Fee fee = computeFee(record, history);
        const std::string label =
            std::string("returned=") + (c.returned_within_3_months ? "Y" : "N") +
            " notebook=" + (c.notebook ? "Y" : "N") + " home=" + (c.home_patient ? "Y" : "N") +
            " same_day=" + (c.home_visit_same_day ? "Y" : "N") +
            " outcome=" + std::string(outcomeCode(c.outcome));
        EXPECT_EQ(fee.kind, c.kind) << label;
        EXPECT_EQ(fee.points, c.points) << label;
        EXPECT_EQ(fee.basis, c.basis) << label;
        EXPECT_FALSE(fee.reason_ja.empty()) << label;
    }
}

TEST(GuidanceFee, NeverReturnedPatientPaysTheStandardRate) {
    FeeHistory history;
    history.notebook_presented = true;
    const Fee fee = computeFee(completedVideoSession(), history);
    EXPECT_EQ(fee.points, 59);
    EXPECT_EQ(fee.basis, "not_returned_within_3_months");
    EXPECT_NE(fee.reason_ja.find("記録なし"), std::string::npos) << fee.reason_ja;
}

TEST(GuidanceFee, AudioOnlyIsNeverClaimedWhateverTheHistory) {
    GuidanceRecord record = completedVideoSession();
    record.mode = SessionMode::AudioOnly;
    for (bool home : {true, false}) {
        FeeHistory history;
        history.home_patient = home;
        history.previous_prescription_date = day("2026-11-01");
        history.notebook_presented = true;
        const Fee fee = computeFee(record, history);
        EXPECT_EQ(fee.kind, FeeKind::None);
        EXPECT_EQ(fee.points, 0);
        EXPECT_EQ(fee.basis, "audio_only");
        EXPECT_NE(fee.reason_ja.find("音声のみ"), std::string::npos);
    }
}

TEST(GuidanceFee, NoStartTimeMeansNoClaim) {
    GuidanceRecord record = completedVideoSession();
    record.started_at.reset();
    const Fee fee = computeFee(record, FeeHistory{});
    EXPECT_EQ(fee.points, 0);
    EXPECT_EQ(fee.basis, "no_start_time");
}

TEST(GuidanceFee, ReasonStatesPointsAndTheDatesItWasDecidedOn) {
    FeeHistory history;
    history.previous_prescription_date = day("2026-09-01");
    history.notebook_presented = true;
    const Fee with_notebook = computeFee(completedVideoSession(), history);
    EXPECT_NE(with_notebook.reason_ja.find("服薬管理指導料"), std::string::npos);
    EXPECT_NE(with_notebook.reason_ja.find("45点"), std::string::npos);
    EXPECT_NE(with_notebook.reason_ja.find("2026-09-01"), std::string::npos);
    EXPECT_NE(with_notebook.reason_ja.find("お薬手帳の提示があります"), std::string::npos);

    history.notebook_presented = false;
    const Fee without = computeFee(completedVideoSession(), history);
    EXPECT_NE(without.reason_ja.find("59点"), std::string::npos);
    EXPECT_NE(without.reason_ja.find("お薬手帳の提示がありません"), std::string::npos);

    history.home_patient = true;
    history.home_visit_same_day = true;
    const Fee same_day = computeFee(completedVideoSession(), history);
    EXPECT_NE(same_day.reason_ja.find("在宅患者オンライン薬剤管理指導料"), std::string::npos);
    EXPECT_NE(same_day.reason_ja.find("2026-11-24"), std::string::npos);
    EXPECT_NE(same_day.reason_ja.find("訪問薬剤管理指導"), std::string::npos);
}

TEST(GuidanceFee, SessionDateIsTheTokyoDate) {
    // 2026-11-24 00:30 JST is still 2026-11-23 in UTC. From 2026-08-23 the three months end
    // on 2026-11-23, so the Tokyo date (the 24th) is outside them.
    GuidanceRecord record = completedVideoSession();
    record.started_at = at("2026-11-23T15:30:00Z");
    FeeHistory history;
    history.previous_prescription_date = day("2026-08-23");
    history.notebook_presented = true;
    EXPECT_EQ(computeFee(record, history).basis, "not_returned_within_3_months");
    history.previous_prescription_date = day("2026-08-24");
    EXPECT_EQ(computeFee(record, history).basis, "returned_with_notebook");
}

TEST(GuidanceFee, ThreeMonthsRunToTheSameDayOrTheEndOfAShorterMonth) {
    struct Case {
        std::optional<const char*> previous;
        const char* today;
        bool within;
    } cases[] = {
        {"2026-08-24", "2026-11-24", true},
        {"2026-08-23", "2026-11-24", false},
        {"2026-11-24", "2026-11-24", true},  // same day
        {"2026-11-30", "2027-02-28", true},  // no 30 February: end of month
        {"2026-11-30", "2027-03-01", false},
        {"2027-11-30", "2028-02-29", true},  // leap year
        {"2026-12-15", "2027-03-15", true},  // across the year end
        {"2026-12-15", "2027-03-16", false},
        {"2026-11-25", "2026-11-24", false},  // in the future: data error, not a return
        {std::nullopt, "2026-11-24", false},
    };
    for (const auto& c : cases) {
        std::optional<Date> previous;
        if (c.previous) previous = day(*c.previous);
        EXPECT_EQ(returnedWithinThreeMonths(previous, day(c.today)), c.within)
            << c.previous.value_or("none") << " → " << c.today;
    }
}

TEST(GuidanceFee, KindCodesAreStable) {
    EXPECT_EQ(feeKindCode(FeeKind::None), "none");
    EXPECT_EQ(feeKindCode(FeeKind::MedicationManagementOnline), "medication_management_online");
    EXPECT_EQ(feeKindCode(FeeKind::HomePatientOnline), "home_patient_online");
}

}  // namespace
}  // namespace rxdesk::guidance
