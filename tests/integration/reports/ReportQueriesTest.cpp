#include <gtest/gtest.h>

#include "integration/dispatch/DispatchFixture.h"
#include "integration/reports/ReportsFixture.h"
#include "store/Database.h"
#include "store/SqliteGuidanceRepository.h"
#include "store/SqliteReportQueries.h"

namespace rxdesk::testing {
namespace {

// The report reads guidance records in one scan with its own column mapping; it must read
// every field exactly as the guidance repository (the screens) does.
TEST(ReportQueries, GuidanceRecordsReadAsTheGuidanceRepositoryReadsThem) {
    ReportsFixture f;
    const auto rx = f.prescription({.patient_name = "読取 花子", .patient_ref = "pt-read"});
    const auto plain = f.guidanceSession(
        {.prescription_id = rx, .patient_ref = "pt-read", .start = f.at("2026-10-05", 10)});
    const auto unusual = f.guidanceSession({.prescription_id = rx,
                                            .patient_ref = "pt-read",
                                            .start = f.at("2026-10-06", 15),
                                            .fee_kind = "home_patient_online",
                                            .fee_points = 59,
                                            .fee_basis = "home_patient_online",
                                            .fee_reason = "在宅患者",
                                            .identity_document = "other",
                                            .others = "家族（長女）",
                                            .home_patient = true});
    SQLite::Statement edit(f.db,
                           "UPDATE guidance_records SET mode = 'audio_only', recorded = 1, "
                           "recording_consent = 1, identity_document_other = '社員証', "
                           "outcome = 'stopped', stop_reason = '通信不良', "
                           "explained_topics = 'usage,storage', previous_visit_date = NULL, "
                           "home_visit_same_day = 1 WHERE appointment_id = ?");
    edit.bind(1, unusual);
    edit.exec();

    store::Database db(f.server.settings().databasePath(), store::Durability::Normal);
    store::SqliteGuidanceRepository guidance(db);
    store::SqliteReportQueries queries(db);
    db.read([&] {
        const auto rows = queries.guidanceRecords(f.at("2026-10-01", 0), f.at("2026-11-01", 0));
        ASSERT_EQ(rows.size(), 2u);
        EXPECT_EQ(rows[0].stored.appointment_id, plain);
        EXPECT_EQ(rows[1].stored.appointment_id, unusual);
        for (const auto& row : rows) {
            SCOPED_TRACE(row.stored.appointment_id);
            EXPECT_EQ(row.prescription_id, rx);
            EXPECT_EQ(row.patient_name, "読取 花子");
            EXPECT_EQ(row.pharmacist_name, "yamada さん");
            const auto expected = guidance.findRecord(row.stored.appointment_id);
            ASSERT_TRUE(expected);
            const auto& a = row.stored;
            const auto& e = *expected;
            EXPECT_EQ(a.pharmacist_id, e.pharmacist_id);
            EXPECT_EQ(a.patient_ref, e.patient_ref);
            EXPECT_EQ(a.recorded_at, e.recorded_at);
            EXPECT_EQ(a.recorded_by, e.recorded_by);
            EXPECT_EQ(a.fee.kind, e.fee.kind);
            EXPECT_EQ(a.fee.points, e.fee.points);
            EXPECT_EQ(a.fee.basis, e.fee.basis);
            EXPECT_EQ(a.fee.reason_ja, e.fee.reason_ja);
            EXPECT_EQ(a.history.home_patient, e.history.home_patient);
            EXPECT_EQ(a.history.previous_prescription_date, e.history.previous_prescription_date);
            EXPECT_EQ(a.history.notebook_presented, e.history.notebook_presented);
            EXPECT_EQ(a.history.home_visit_same_day, e.history.home_visit_same_day);
            const auto& ar = a.record;
            const auto& er = e.record;
            EXPECT_EQ(ar.session_id, er.session_id);
            EXPECT_EQ(ar.appointment_id, er.appointment_id);
            EXPECT_EQ(ar.pharmacist_id, er.pharmacist_id);
            EXPECT_EQ(ar.patient_id, er.patient_id);
            EXPECT_EQ(ar.started_at, er.started_at);
            EXPECT_EQ(ar.ended_at, er.ended_at);
            EXPECT_EQ(ar.mode, er.mode);
            EXPECT_EQ(ar.video_and_audio_confirmed, er.video_and_audio_confirmed);
            EXPECT_EQ(ar.first_session, er.first_session);
            EXPECT_EQ(ar.identity_document, er.identity_document);
            EXPECT_EQ(ar.identity_document_other, er.identity_document_other);
            EXPECT_EQ(ar.pharmacist_identity_shown, er.pharmacist_identity_shown);
            EXPECT_EQ(ar.others_present, er.others_present);
            EXPECT_EQ(ar.others_description, er.others_description);
            EXPECT_EQ(ar.others_consent, er.others_consent);
            EXPECT_EQ(ar.security_risk_agreed, er.security_risk_agreed);
            EXPECT_EQ(ar.private_space_confirmed, er.private_space_confirmed);
            EXPECT_EQ(ar.recorded, er.recorded);
            EXPECT_EQ(ar.recording_consent, er.recording_consent);
            EXPECT_EQ(ar.explained_topics, er.explained_topics);
            EXPECT_EQ(ar.outcome, er.outcome);
            EXPECT_EQ(ar.stop_reason, er.stop_reason);
        }
        // The unusual values really were read (not defaults on both sides).
        EXPECT_EQ(rows[1].stored.record.mode, guidance::SessionMode::AudioOnly);
        EXPECT_EQ(rows[1].stored.record.stop_reason, "通信不良");
        EXPECT_FALSE(rows[1].stored.history.previous_prescription_date);
    });
}

// A shipment stores the claims code of each drug it holds (here resolved from the
// prescription's YJ code), and the controlled-drug report finds the hand-over by that code
// even when the prescription's text no longer names the drug.
TEST(ReportQueries, ShipmentsKeepTheClaimsCodeTheControlledDrugReportMatchesBy) {
    DispatchFixture f;
    f.importStandardDrugData();
    const auto rx = f.guidedPrescription(
        {DispatchFixture::item(drugs::kMorphine, prescription::DrugCodeSystem::Yj),
         DispatchFixture::item(drugs::kAmlodipine)});
    Response shipped = f.ship(rx, "staff_hand_delivery");
    ASSERT_EQ(shipped.status, 201) << shipped.body;
    auto parcel = shipped.json()->getObject("shipment")->getArray("parcels")->getObject(0);
    const std::string path =
        "/api/v1/parcels/" + std::to_string(parcel->getValue<std::int64_t>("id")) + "/events";

    SQLite::Database db(f.server.settings().databasePath(), SQLite::OPEN_READWRITE);
    db.setBusyTimeout(5000);
    SQLite::Statement codes(db, "SELECT name, claims_code FROM parcel_items ORDER BY name");
    std::map<std::string, std::string> by_name;
    while (codes.executeStep())
        by_name[codes.getColumn(0).getString()] = codes.getColumn(1).getString();
    EXPECT_EQ(by_name[drugs::kMorphine.name], drugs::kMorphine.claims_code);
    EXPECT_EQ(by_name[drugs::kAmlodipine.name], drugs::kAmlodipine.claims_code);

    ASSERT_EQ(f.clerk.post(path, R"({"kind":"packed"})").status, 200);
    ASSERT_EQ(f.courier.post(path, R"({"kind":"out_with_staff"})").status, 200);
    Response delivered = f.courier.post(
        path, std::string(R"({"kind":"delivered","recipient_name":"山田 太郎",)") +
                  R"("identity_check":"my_number_card","signature":")" + kSignaturePng + "\"}");
    ASSERT_EQ(delivered.status, 200) << delivered.body;
    // The text of the prescription is no longer needed: the parcel's lines carry the codes.
    db.exec("UPDATE prescriptions SET content_jahis = NULL");

    const std::string today = formatDate(tokyoDate(f.server.clock().now()));
    Response report = f.pharmacist.get("/api/v1/reports/controlled-handovers?from=" + today +
                                       "&to=" + today + "&format=csv");
    ASSERT_EQ(report.status, 200) << report.body;
    EXPECT_NE(report.body.find(drugs::kMorphine.name + ",麻薬,"), std::string::npos) << report.body;
    EXPECT_EQ(report.body.find("アムロジピン"), std::string::npos) << report.body;
}

}  // namespace
}  // namespace rxdesk::testing
