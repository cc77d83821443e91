#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "GuidanceFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

struct SlotRow {
    std::string start;
    bool available;
    std::string reason;
};

std::vector<SlotRow> slots(TestClient& c, const std::string& date,
                           const std::string& pharmacist = "yamada") {
    Response r = c.get("/api/v1/guidance/slots?date=" + date + "&pharmacist=" + pharmacist);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<SlotRow> out;
    if (r.status != 200) return out;
    auto array = r.json()->getArray("slots");
    for (size_t i = 0; i < array->size(); ++i) {
        auto o = array->getObject(i);
        out.push_back({o->getValue<std::string>("start"), o->getValue<bool>("available"),
                       o->optValue<std::string>("reason", "")});
    }
    return out;
}

const SlotRow* find(const std::vector<SlotRow>& rows, const std::string& start) {
    for (const auto& r : rows)
        if (r.start == start) return &r;
    return nullptr;
}

}  // namespace

TEST(GuidanceSlots, FollowWeeklyHoursBreaksHolidaysAndExtraHoursInTokyoTime) {
    GuidanceFixture g;
    // Thursday: 09:00–12:00 and 13:00–17:00 on a 15-minute grid (10-minute slots + 5 buffer).
    auto thursday = slots(g.clerk, "2026-09-24");
    ASSERT_EQ(thursday.size(), 12u + 16u);
    EXPECT_EQ(thursday.front().start, "2026-09-24T09:00:00+09:00");
    EXPECT_EQ(thursday.back().start, "2026-09-24T16:45:00+09:00");
    EXPECT_EQ(find(thursday, "2026-09-24T12:00:00+09:00"), nullptr) << "lunch is not working time";
    ASSERT_NE(find(thursday, "2026-09-24T13:00:00+09:00"), nullptr);
    struct Case {
        std::string start;
        bool available;
        std::string reason;
    } cases[] = {
        {"2026-09-24T09:45:00+09:00", true, ""},
        {"2026-09-24T10:00:00+09:00", false, "on_break"},
        {"2026-09-24T10:15:00+09:00", false, "on_break"},
        {"2026-09-24T10:30:00+09:00", true, ""},
        {"2026-09-24T11:45:00+09:00", true, ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.start);
        auto row = find(thursday, c.start);
        ASSERT_NE(row, nullptr);
        EXPECT_EQ(row->available, c.available);
        EXPECT_EQ(row->reason, c.reason);
    }
    EXPECT_TRUE(slots(g.clerk, "2026-09-23").empty()) << "秋分の日 is a day off";
    EXPECT_TRUE(slots(g.clerk, "2026-09-27").empty()) << "no Sunday hours";
    auto saturday = slots(g.clerk, "2026-09-26");
    ASSERT_EQ(saturday.size(), 4u) << "extra hours 10:00–11:00";
    EXPECT_EQ(saturday.front().start, "2026-09-26T10:00:00+09:00");

    // Tomorrow morning (it is 23:1x now): the cut-off is 30 minutes, so 09:00 is bookable.
    auto today = slots(g.clerk, "2026-09-22");
    ASSERT_FALSE(today.empty());
    EXPECT_TRUE(today.front().available);
    g.f.server.clock().set(at("2026-09-22T08:45:00+09:00"));
    today = slots(g.clerk, "2026-09-22");
    EXPECT_EQ(today.front().reason, "too_late");
    EXPECT_TRUE(find(today, "2026-09-22T09:15:00+09:00")->available);

    EXPECT_EQ(g.clerk.get("/api/v1/guidance/slots?date=2026-09-24&pharmacist=nobody").status, 404);
    EXPECT_EQ(g.clerk.get("/api/v1/guidance/slots?date=24.9.2026&pharmacist=yamada").errorCode(),
              "invalid_field");
}

TEST(GuidanceSchedule, APharmacistSetsTheirOwnAndAnAdminAnyones) {
    GuidanceFixture g;
    auto got = g.clerk.get("/api/v1/guidance/pharmacists/yamada/schedule");
    ASSERT_EQ(got.status, 200) << got.body;
    EXPECT_EQ(got.json()->getValue<int>("buffer_minutes"), 5);
    EXPECT_EQ(got.json()
                  ->getObject("weekly")
                  ->getObject("mon")
                  ->getArray("breaks")
                  ->getObject(0)
                  ->getValue<std::string>("begin"),
              "10:00");
    EXPECT_EQ(got.json()->getArray("exceptions")->size(), 2u);

    const std::string body = GuidanceFixture::standardSchedule();
    EXPECT_EQ(g.clerk.request("PUT", "/api/v1/guidance/pharmacists/yamada/schedule", body).status,
              403);
    TestClient sato = g.f.server.loggedIn(g.sato);
    Response other = sato.request("PUT", "/api/v1/guidance/pharmacists/yamada/schedule", body);
    EXPECT_EQ(other.status, 403);
    EXPECT_EQ(other.errorCode(), "not_your_schedule");
    EXPECT_EQ(sato.request("PUT", "/api/v1/guidance/pharmacists/sato/schedule", body).status, 200);
    TestClient admin = g.f.server.loggedIn(g.admin);
    EXPECT_EQ(
        admin
            .request("PUT",
                     "/api/v1/guidance/pharmacists/" + std::to_string(g.sato.id) + "/schedule",
                     R"({"slot_minutes":5})")
            .status,
        200);
    EXPECT_EQ(admin.get("/api/v1/guidance/pharmacists/sato/schedule")
                  .json()
                  ->getValue<int>("slot_minutes"),
              5);

    Response bad =
        g.pharmacist.request("PUT", "/api/v1/guidance/pharmacists/yamada/schedule",
                             R"({"weekly":{"mon":{"hours":[{"begin":"12:00","end":"09:00"}]}}})");
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.errorCode(), "invalid_interval");
    EXPECT_EQ(
        g.pharmacist.request("PUT", "/api/v1/guidance/pharmacists/suzuki/schedule", body).status,
        404)
        << "a clerk has no guidance schedule";
}

TEST(GuidanceBooking, ManyConcurrentRequestsForOneSlotGiveExactlyOneBooking) {
    GuidanceFixture g;
    constexpr int kRequests = 16;
    std::vector<std::int64_t> prescriptions;
    for (int i = 0; i < kRequests; ++i) prescriptions.push_back(g.prescription());
    std::vector<TestClient> clients;
    for (int i = 0; i < kRequests; ++i) {
        TestClient c = g.f.server.client();
        c.session_cookie = g.clerk.session_cookie;
        c.csrf_token = g.clerk.csrf_token;
        clients.push_back(std::move(c));
    }
    std::promise<void> go;
    std::shared_future<void> start = go.get_future().share();
    std::vector<std::future<Response>> answers;
    for (int i = 0; i < kRequests; ++i)
        answers.push_back(std::async(std::launch::async, [&, i] {
            start.wait();
            return clients[i].post(
                "/api/v1/guidance/appointments",
                GuidanceFixture::booking(prescriptions[i], "yamada", "2026-09-24T14:00:00+09:00"));
        }));
    go.set_value();
    int created = 0, conflicts = 0;
    for (auto& a : answers) {
        Response r = a.get();
        if (r.status == 201)
            ++created;
        else if (r.status == 409 && r.errorCode() == "slot_taken")
            ++conflicts;
        else
            ADD_FAILURE() << r.status << " " << r.body;
    }
    EXPECT_EQ(created, 1);
    EXPECT_EQ(conflicts, kRequests - 1);
    EXPECT_EQ(g.f.count("guidance_appointments"), 1);
    // The neighbouring slot is refused too (buffer), another pharmacist is free.
    Response near = g.clerk.post(
        "/api/v1/guidance/appointments",
        GuidanceFixture::booking(g.prescription(), "yamada", "2026-09-24T14:05:00+09:00"));
    EXPECT_EQ(near.status, 422);
    EXPECT_EQ(near.errorCode(), "not_aligned");
    TestClient sato = g.f.server.loggedIn(g.sato);
    sato.request("PUT", "/api/v1/guidance/pharmacists/sato/schedule",
                 GuidanceFixture::standardSchedule());
    // A fresh prescription: any of the contenders may be the one that won the slot above.
    Response other = g.clerk.post("/api/v1/guidance/appointments",
                                  GuidanceFixture::booking(g.prescription(), "sato", "2026-09-24T14:00:00+09:00"));
    EXPECT_EQ(other.status, 201) << other.body;
}

TEST(GuidanceBooking, TheStoreRefusesOverlapsEvenWithoutTheServiceCheck) {
    GuidanceFixture g;
    const auto rx = g.prescription();
    ASSERT_NE(g.book(rx, "2026-09-24T09:00:00+09:00"), 0);
    // Straight into the database file: the unique index and the triggers hold the line.
    SQLite::Database raw(g.f.server.settings().databasePath(), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA foreign_keys = ON");
    const std::string insert =
        "INSERT INTO guidance_appointments (prescription_id, patient_ref, pharmacist_id, start_at, "
        "end_at, status, created_at, created_by, updated_at) SELECT prescription_id, patient_ref, "
        "pharmacist_id, start_at + ?, end_at + ?, 'booked', 0, 'test', 0 FROM "
        "guidance_appointments";
    for (int shift : {0, 300}) {
        SQLite::Statement q(raw, insert);
        q.bind(1, shift);
        q.bind(2, shift);
        EXPECT_THROW(q.exec(), SQLite::Exception) << "shift " << shift;
    }
    SQLite::Statement ok(raw, insert);
    ok.bind(1, 600);
    ok.bind(2, 600);
    EXPECT_EQ(ok.exec(), 1) << "touching is not overlapping";
}

TEST(GuidanceBooking, RescheduleAndCancelNeedReasonsFreeTheSlotAndShowInTheCalendarFeed) {
    GuidanceFixture g;
    const auto rx = g.prescription();
    const auto id = g.book(rx, "2026-09-24T09:00:00+09:00");
    const std::string base = "/api/v1/guidance/appointments/" + std::to_string(id);
    EXPECT_EQ(g.clerk
                  .post("/api/v1/guidance/appointments",
                        GuidanceFixture::booking(rx, "yamada", "2026-09-25T09:00:00+09:00"))
                  .errorCode(),
              "prescription_already_booked");

    EXPECT_EQ(
        g.clerk.post(base + "/reschedule", R"({"start":"2026-09-24T09:30:00+09:00"})").errorCode(),
        "missing_field");
    const auto blocker = g.book(g.prescription(), "2026-09-24T09:30:00+09:00");
    EXPECT_EQ(g.clerk
                  .post(base + "/reschedule",
                        R"({"start":"2026-09-24T09:30:00+09:00","reason":"患者都合"})")
                  .status,
              409);
    Response moved = g.clerk.post(base + "/reschedule",
                                  R"({"start":"2026-09-24T11:00:00+09:00","reason":"患者都合"})");
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(moved.json()->getValue<std::string>("start"), "2026-09-24T11:00:00+09:00");
    EXPECT_EQ(moved.json()->getValue<int>("sequence"), 1);
    EXPECT_TRUE(find(slots(g.clerk, "2026-09-24"), "2026-09-24T09:00:00+09:00")->available)
        << "old slot freed";

    Response cancelled = g.clerk.post(base + "/cancel", R"({"reason":"体調不良のため来局に変更"})");
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    EXPECT_EQ(cancelled.json()->getValue<std::string>("status"), "cancelled");
    EXPECT_EQ(g.clerk.post(base + "/cancel", R"({"reason":"again"})").errorCode(),
              "appointment_cancelled");
    EXPECT_TRUE(find(slots(g.clerk, "2026-09-24"), "2026-09-24T11:00:00+09:00")->available);

    // The week's list shows both, with the cancelled one marked.
    Response week = g.pharmacist.get(
        "/api/v1/guidance/appointments?pharmacist=yamada&from=2026-09-21&to=2026-09-27");
    ASSERT_EQ(week.status, 200) << week.body;
    auto items = week.json()->getArray("appointments");
    ASSERT_EQ(items->size(), 2u);
    EXPECT_EQ(items->getObject(0)->getValue<std::int64_t>("id"), blocker);
    EXPECT_EQ(items->getObject(1)->getValue<std::string>("status"), "cancelled");
    EXPECT_FALSE(items->getObject(1)->getObject("contact")->has("address"))
        << "lists do not carry contacts";

    // Calendar feed: issued to the pharmacist, readable without signing in, initials only.
    EXPECT_EQ(g.clerk.post("/api/v1/guidance/pharmacists/yamada/calendar-feed").status, 403);
    Response feed = g.pharmacist.post("/api/v1/guidance/pharmacists/yamada/calendar-feed");
    ASSERT_EQ(feed.status, 201) << feed.body;
    const auto url = feed.json()->getValue<std::string>("url");
    ASSERT_EQ(url.rfind("https://rxdesk.example.jp/api/v1/guidance/calendar/", 0), 0u) << url;
    const std::string path = url.substr(std::string("https://rxdesk.example.jp").size());
    Response ics = g.f.server.client().get(path);
    ASSERT_EQ(ics.status, 200) << ics.body;
    EXPECT_EQ(ics.header("Content-Type"), "text/calendar; charset=utf-8");
    EXPECT_NE(ics.body.find("BEGIN:VCALENDAR"), std::string::npos);
    EXPECT_NE(ics.body.find("STATUS:CANCELLED"), std::string::npos);
    EXPECT_NE(ics.body.find("SEQUENCE:2"), std::string::npos);
    EXPECT_NE(ics.body.find("Y.T."), std::string::npos);
    EXPECT_EQ(ics.body.find("日薬"), std::string::npos) << "no patient name";
    EXPECT_EQ(ics.body.find("患者"), std::string::npos) << "no patient name";
    // Regenerating revokes the old URL.
    Response again = g.pharmacist.post("/api/v1/guidance/pharmacists/yamada/calendar-feed");
    ASSERT_EQ(again.status, 201);
    EXPECT_EQ(g.f.server.client().get(path).status, 404);
    const auto new_url = again.json()->getValue<std::string>("url");
    EXPECT_EQ(g.f.server.client()
                  .get(new_url.substr(std::string("https://rxdesk.example.jp").size()))
                  .status,
              200);
    EXPECT_EQ(g.f.server.client().get("/api/v1/guidance/calendar/guess.ics").status, 404);
}

TEST(GuidanceCandidates, ThePreferredPharmacistIsOfferedFirst) {
    GuidanceFixture g;
    TestClient sato = g.f.server.loggedIn(g.sato);
    ASSERT_EQ(sato.request("PUT", "/api/v1/guidance/pharmacists/sato/schedule",
                           GuidanceFixture::standardSchedule())
                  .status,
              200);
    const auto rx = g.prescription();
    auto order = [&] {
        Response r = g.clerk.get("/api/v1/guidance/prescriptions/" + std::to_string(rx) +
                                 "/candidates?date=2026-09-24");
        EXPECT_EQ(r.status, 200) << r.body;
        std::vector<std::string> logins;
        auto list = r.json()->getArray("candidates");
        for (size_t i = 0; i < list->size(); ++i)
            logins.push_back(
                list->getObject(i)->getObject("pharmacist")->getValue<std::string>("login"));
        return logins;
    };
    // Equal availability: ordered by id (yamada was created first).
    EXPECT_EQ(order(), (std::vector<std::string>{"yamada", "sato"}));
    Response pref = g.clerk.request(
        "PUT", "/api/v1/guidance/prescriptions/" + std::to_string(rx) + "/preferred-pharmacist",
        R"({"pharmacist":"sato"})");
    ASSERT_EQ(pref.status, 200) << pref.body;
    EXPECT_EQ(order(), (std::vector<std::string>{"sato", "yamada"}));
}
