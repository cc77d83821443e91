#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "GuidanceFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;
using namespace std::chrono_literals;

namespace {

/// A complete, valid first-session record of a video session; tests change what they need.
struct RecordBody {
    std::string started_at;
    std::string ended_at;
    std::string mode = "video";
    std::string outcome = "completed";
    std::string stop_reason;
    bool first_session = true;
    std::string identity_document = "my_number_card";
    bool notebook_presented = true;
    bool home_patient = false;
    bool home_visit_same_day = false;
    std::string previous_visit_date;

    std::string json() const {
        Poco::JSON::Object o;
        if (!started_at.empty()) o.set("started_at", started_at);
        if (!ended_at.empty()) o.set("ended_at", ended_at);
        o.set("mode", mode);
        o.set("video_and_audio_confirmed", mode == "video");
        o.set("first_session", first_session);
        o.set("identity_document", identity_document);
        o.set("pharmacist_identity_shown", true);
        o.set("security_risk_agreed", true);
        o.set("private_space_confirmed", true);
        Poco::JSON::Array topics;
        for (const char* t : {"effects", "side_effects", "usage", "storage"}) topics.add(t);
        o.set("explained_topics", topics);
        o.set("outcome", outcome);
        if (!stop_reason.empty()) o.set("stop_reason", stop_reason);
        o.set("notebook_presented", notebook_presented);
        o.set("home_patient", home_patient);
        o.set("home_visit_same_day", home_visit_same_day);
        if (!previous_visit_date.empty()) o.set("previous_visit_date", previous_visit_date);
        return rxdesk::testing::json(o);
    }
};

std::string recordPath(std::int64_t id) {
    return "/api/v1/guidance/appointments/" + std::to_string(id) + "/record";
}

std::vector<std::string> findingCodes(const Response& r) {
    std::vector<std::string> out;
    auto findings = r.json()->getArray("findings");
    for (size_t i = 0; findings && i < findings->size(); ++i)
        out.push_back(findings->getObject(i)->getValue<std::string>("code"));
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST(GuidanceRecord, AudioOnlyIsRefusedAsOnlineGuidanceAndRecordedAsASwitchInstead) {
    GuidanceFixture g;
    const auto rx = g.prescription();
    g.dispense(rx);
    const auto id = g.book(rx, "2026-09-24T09:00:00+09:00");
    g.f.server.clock().set(at("2026-09-24T09:12:00+09:00"));

    RecordBody body;
    body.started_at = "2026-09-24T09:00:30+09:00";
    body.ended_at = "2026-09-24T09:08:00+09:00";
    body.mode = "audio_only";
    Response refused = g.pharmacist.post(recordPath(id), body.json());
    ASSERT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(refused.errorCode(), "audio_only_not_online_guidance");
    EXPECT_TRUE(contains(findingCodes(refused), "audio_only_not_online_guidance"));
    EXPECT_EQ(g.pharmacist.get(recordPath(id)).status, 404) << "nothing stored";
    EXPECT_EQ(g.prescriptionStatus(rx), "dispensed");

    body.outcome = "switched_to_face_to_face";
    body.stop_reason = "映像が映らず音声のみのため、来局での対面指導に切替";
    Response switched = g.pharmacist.post(recordPath(id), body.json());
    ASSERT_EQ(switched.status, 201) << switched.body;
    auto fee = switched.json()->getObject("fee");
    EXPECT_EQ(fee->getValue<std::string>("kind"), "none");
    EXPECT_EQ(fee->getValue<int>("points"), 0);
    EXPECT_EQ(fee->getValue<std::string>("basis"), "switched_to_face_to_face");
    EXPECT_FALSE(switched.json()->getValue<bool>("lifecycle_moved"));
    EXPECT_EQ(g.prescriptionStatus(rx), "dispensed") << "face-to-face guidance is still to come";
}

TEST(GuidanceRecord, ACompletedSessionMovesTheDispensedPrescriptionAndIsAudited) {
    GuidanceFixture g;
    const auto rx = g.prescription();
    g.dispense(rx);
    const auto id = g.book(rx, "2026-09-24T09:00:00+09:00");
    g.f.server.clock().set(at("2026-09-24T09:12:00+09:00"));
    RecordBody body;
    body.started_at = "2026-09-24T09:00:30+09:00";
    body.ended_at = "2026-09-24T09:08:00+09:00";

    EXPECT_EQ(g.clerk.post(recordPath(id), body.json()).status, 403) << "pharmacists record";
    RecordBody no_identity = body;
    no_identity.identity_document = "none";
    Response refused = g.pharmacist.post(recordPath(id), no_identity.json());
    EXPECT_EQ(refused.status, 422);
    EXPECT_EQ(refused.errorCode(), "identity_check_missing") << refused.body;
    RecordBody not_first = body;
    not_first.first_session = false;
    EXPECT_TRUE(contains(findingCodes(g.pharmacist.post(recordPath(id), not_first.json())),
                         "first_session_mismatch"));

    Response ok = g.pharmacist.post(recordPath(id), body.json());
    ASSERT_EQ(ok.status, 201) << ok.body;
    EXPECT_EQ(ok.json()->getValue<std::string>("started_at"), "2026-09-24T09:00:30+09:00");
    EXPECT_EQ(ok.json()->getValue<std::string>("ended_at"), "2026-09-24T09:08:00+09:00");
    EXPECT_TRUE(ok.json()->getValue<bool>("lifecycle_moved"));
    EXPECT_EQ(ok.json()->getValue<std::string>("prescription_status"), "guided");
    EXPECT_EQ(g.prescriptionStatus(rx), "guided");
    EXPECT_FALSE(ok.json()->getObject("fee")->getValue<std::string>("reason").empty());
    EXPECT_EQ(g.pharmacist.post(recordPath(id), body.json()).errorCode(), "record_exists");
    Response stored = g.clerk.get(recordPath(id));
    ASSERT_EQ(stored.status, 200) << stored.body;
    EXPECT_EQ(stored.json()->getValue<std::string>("identity_document"), "my_number_card");
    EXPECT_EQ(g.clerk.get("/api/v1/guidance/appointments/" + std::to_string(id))
                  .json()
                  ->getValue<std::string>("status"),
              "completed");

    SQLite::Database raw(g.f.server.settings().databasePath(), SQLite::OPEN_READONLY);
    SQLite::Statement q(
        raw,
        "SELECT action, outcome FROM audit_log WHERE object_type = 'guidance_appointment' "
        "AND object_id = ? AND patient_ref IS NOT NULL ORDER BY seq");
    q.bind(1, std::to_string(id));
    std::vector<std::string> actions;
    while (q.executeStep())
        actions.push_back(q.getColumn(0).getString() + ":" + q.getColumn(1).getString());
    EXPECT_TRUE(contains(actions, "guidance.appointment.book:ok"));
    EXPECT_TRUE(contains(actions, "guidance.record:denied"));
    EXPECT_TRUE(contains(actions, "guidance.record:ok"));
    EXPECT_TRUE(contains(actions, "guidance.record.read:ok"));
    SQLite::Statement leak(
        raw,
        "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%line:U-%' OR detail LIKE '%患者%'");
    ASSERT_TRUE(leak.executeStep());
    EXPECT_EQ(leak.getColumn(0).getInt(), 0) << "no contact or name in audit details";
}

TEST(GuidanceRecord, OnePharmacistCounselsOnePatientAtATime) {
    GuidanceFixture g;
    const auto a = g.book(g.prescription(), "2026-09-24T09:00:00+09:00");
    const auto b = g.book(g.prescription(), "2026-09-24T09:15:00+09:00");
    const auto c = g.book(g.prescription(), "2026-09-24T09:30:00+09:00");
    auto start = [&](std::int64_t id) {
        return g.pharmacist.post("/api/v1/guidance/appointments/" + std::to_string(id) + "/start");
    };
    g.f.server.clock().set(at("2026-09-24T09:01:00+09:00"));
    ASSERT_EQ(start(a).status, 200);
    Response second = start(b);
    EXPECT_EQ(second.status, 409);
    EXPECT_EQ(second.errorCode(), "pharmacist_session_already_open");
    EXPECT_EQ(start(a).status, 200) << "re-opening the same session is fine";
    TestClient sato = g.f.server.loggedIn(g.sato);
    EXPECT_EQ(
        sato.post("/api/v1/guidance/appointments/" + std::to_string(b) + "/start").errorCode(),
        "not_your_appointment");

    g.f.server.clock().set(at("2026-09-24T09:10:00+09:00"));
    RecordBody body;  // started_at comes from the opened session, ended_at is now
    Response recorded = g.pharmacist.post(recordPath(a), body.json());
    ASSERT_EQ(recorded.status, 201) << recorded.body;
    EXPECT_EQ(recorded.json()->getValue<std::string>("started_at"), "2026-09-24T09:01:00+09:00");
    EXPECT_EQ(recorded.json()->getValue<std::string>("ended_at"), "2026-09-24T09:10:00+09:00");
    EXPECT_EQ(start(b).status, 200) << "free again once the first session is recorded";

    // A record overlapping one already recorded is refused, even without /start.
    g.f.server.clock().set(at("2026-09-24T09:45:00+09:00"));
    RecordBody overlapping;
    overlapping.started_at = "2026-09-24T09:05:00+09:00";
    overlapping.ended_at = "2026-09-24T09:12:00+09:00";
    Response clash = g.pharmacist.post(recordPath(c), overlapping.json());
    EXPECT_EQ(clash.status, 409);
    EXPECT_EQ(clash.errorCode(), "pharmacist_session_overlap");
}

TEST(GuidanceRecord, FeeForEveryKindOfSessionThroughTheApi) {
    GuidanceFixture g;
    struct Case {
        std::string slot;
        RecordBody body;
        std::string kind;
        int points;
        std::string basis;
    };
    auto make = [](auto adjust) {
        RecordBody b;
        adjust(b);
        return b;
    };
    std::vector<Case> cases = {
        {"09:00", make([](RecordBody&) {}), "medication_management_online", 59,
         "not_returned_within_3_months"},
        {"09:15", make([](RecordBody& b) { b.previous_visit_date = "2026-08-01"; }),
         "medication_management_online", 45, "returned_with_notebook"},
        {"09:30", make([](RecordBody& b) {
             b.previous_visit_date = "2026-08-01";
             b.notebook_presented = false;
         }),
         "medication_management_online", 59, "returned_without_notebook"},
        {"09:45", make([](RecordBody& b) { b.previous_visit_date = "2026-06-01"; }),
         "medication_management_online", 59, "not_returned_within_3_months"},
        {"10:30", make([](RecordBody& b) { b.previous_visit_date = "2026-06-24"; }),
         "medication_management_online", 45, "returned_with_notebook"},
        {"10:45", make([](RecordBody& b) { b.home_patient = true; }), "home_patient_online", 59,
         "home_patient_online"},
        {"11:00", make([](RecordBody& b) {
             b.home_patient = true;
             b.home_visit_same_day = true;
         }),
         "home_patient_online", 0, "home_visit_same_day"},
        {"11:15", make([](RecordBody& b) {
             b.outcome = "stopped";
             b.stop_reason = "回線不良のため電話で補足";
         }),
         "none", 0, "stopped"},
        {"11:30", make([](RecordBody& b) {
             b.mode = "audio_only";
             b.outcome = "switched_to_face_to_face";
             b.stop_reason = "音声のみ";
         }),
         "none", 0, "switched_to_face_to_face"},
    };
    std::vector<std::int64_t> ids;
    for (const auto& c : cases)
        ids.push_back(g.book(g.prescription(), "2026-09-24T" + c.slot + ":00+09:00"));
    g.f.server.clock().set(at("2026-09-24T12:30:00+09:00"));
    for (std::size_t i = 0; i < cases.size(); ++i) {
        auto c = cases[i];
        SCOPED_TRACE(c.slot + " " + c.basis);
        c.body.started_at = "2026-09-24T" + c.slot + ":00+09:00";
        const int end_minute = std::stoi(c.slot.substr(3)) + 8;
        c.body.ended_at = "2026-09-24T" + c.slot.substr(0, 3) + (end_minute < 10 ? "0" : "") +
                          std::to_string(end_minute) + ":00+09:00";
        Response r = g.pharmacist.post(recordPath(ids[i]), c.body.json());
        ASSERT_EQ(r.status, 201) << r.body;
        auto fee = r.json()->getObject("fee");
        EXPECT_EQ(fee->getValue<std::string>("kind"), c.kind);
        EXPECT_EQ(fee->getValue<int>("points"), c.points);
        EXPECT_EQ(fee->getValue<std::string>("basis"), c.basis);
        EXPECT_FALSE(fee->getValue<std::string>("reason").empty());
    }
}

TEST(GuidanceRecord, TheFeeUsesThePatientsStoredHistory) {
    GuidanceFixture g;
    g.prescription(true);  // the sample patient's earlier prescription, 2026-09-21
    g.f.server.clock().advance(std::chrono::hours(24 * 40));
    const auto rx = g.prescription(true);
    const auto id = g.book(rx, "2026-11-02T09:00:00+09:00");
    g.f.server.clock().set(at("2026-11-02T09:30:00+09:00"));
    RecordBody body;
    body.started_at = "2026-11-02T09:00:00+09:00";
    body.ended_at = "2026-11-02T09:07:00+09:00";
    Response r = g.pharmacist.post(recordPath(id), body.json());
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json()->getValue<std::string>("previous_visit_date"), "2026-09-21");
    EXPECT_EQ(r.json()->getObject("fee")->getValue<int>("points"), 45);
    EXPECT_EQ(r.json()->getObject("fee")->getValue<std::string>("basis"), "returned_with_notebook");
}
