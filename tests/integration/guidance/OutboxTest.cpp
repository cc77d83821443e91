#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "GuidanceFixture.h"
#include "notify_curl/CurlTransport.h"
#include "support/TempDir.h"

using namespace rxdesk;
using namespace rxdesk::testing;
using namespace std::chrono_literals;

namespace {

std::vector<notify::Notification> outbox(app::Services& s) {
    notify::OutboxQuery q;
    q.limit = 1000;
    return s.outbox().list(q);
}

std::map<std::string, int> countByState(app::Services& s) {
    std::map<std::string, int> out;
    for (const auto& n : outbox(s)) ++out[std::string(notify::stateCode(n.state))];
    return out;
}

}  // namespace

TEST(GuidanceOutbox, SurvivesAnUpstreamOutageAndARestartWithoutLossOrDuplicates) {
    TempDir shared;
    const std::string data_dir = shared.path() + "/data";
    auto upstream = std::make_shared<notify::test::FakeHttpUpstream>();
    std::set<std::string> ids;
    {
        GuidanceFixture g([&](app::Settings& s) { s.data_dir = data_dir; }, upstream);
        TestClient sato = g.f.server.loggedIn(g.sato);
        ASSERT_EQ(sato.request("PUT", "/api/v1/guidance/pharmacists/sato/schedule",
                               GuidanceFixture::standardSchedule())
                      .status,
                  200);
        g.book(g.prescription(), "2026-09-24T14:00:00+09:00");
        g.book(g.prescription(), "2026-09-24T14:00:00+09:00", "sato");
        auto& services = g.f.server.services();
        for (const auto& n : outbox(services)) ids.insert(n.id);
        ASSERT_EQ(ids.size(), 6u) << "2 confirmations + 2 × 2 reminders";

        // Outage: both confirmations are refused and wait for a retry; nothing is lost.
        upstream->failNext(2, 503);
        auto stats = services.notificationPump().runNow();
        EXPECT_EQ(stats.retry_scheduled, 2u);
        EXPECT_EQ(countByState(services)["pending"], 6);
        for (const auto& n : outbox(services))
            if (n.kind == notify::NotificationKind::BookingConfirmation) {
                EXPECT_EQ(n.last_error_code, "http_503");
            }

        // A dispatcher claims one confirmation, the upstream accepts it, and the process dies
        // before the outcome is written.
        g.f.server.clock().advance(5min);
        auto claimed = services.outbox().claimDue(g.f.server.clock().now(), 1, 60s);
        ASSERT_EQ(claimed.size(), 1u);
        notify::CurlTransport transport(g.f.server.settings().notify.transport);
        EXPECT_EQ(transport.send(claimed[0]).status, notify::SendStatus::Delivered);
        EXPECT_EQ(countByState(services)["sending"], 1);
    }

    // Restart on the same data directory, after every reminder is due but before the sessions.
    TestServer restarted([&] {
        TestServerOptions o;
        o.settings = [&](app::Settings& s) {
            guidanceSettings(s, *upstream);
            s.data_dir = data_dir;
        };
        return o;
    }());
    restarted.clock().set(at("2026-09-24T13:50:00+09:00"));
    auto& services = restarted.services();
    auto stats = services.notificationPump().runNow();
    EXPECT_EQ(stats.sent, 6u);
    EXPECT_EQ(countByState(services)["sent"], 6);
    EXPECT_EQ(services.notificationPump().runNow().claimed, 0u)
        << "nothing left, nothing sent twice";

    // The upstream saw: 2 refused attempts, the orphaned delivery, then one send per row. After
    // deduplication by Idempotency-Key every notification arrived exactly once.
    const auto requests = upstream->requests();
    EXPECT_EQ(requests.size(), 2u + 1u + 6u);
    std::map<std::string, int> accepted;
    for (std::size_t i = 2; i < requests.size(); ++i)
        ++accepted[requests[i].header("idempotency-key")];
    std::set<std::string> keys;
    for (const auto& [key, count] : accepted) keys.insert(key);
    EXPECT_EQ(keys, ids) << "no notification lost";
    int duplicates = 0;
    for (const auto& [key, count] : accepted) duplicates += count - 1;
    EXPECT_EQ(duplicates, 1) << "only the orphaned one was re-sent, with the same key";
}

TEST(GuidanceOutbox, TheServerRunsTheDispatcherOnATimerThread) {
    GuidanceFixture g;
    auto& pump = g.f.server.services().notificationPump();
    pump.start();
    g.book(g.prescription(), "2026-09-24T14:00:00+09:00");
    for (int i = 0; i < 200 && g.upstream.requests().empty(); ++i)
        std::this_thread::sleep_for(25ms);
    pump.stop();
    EXPECT_FALSE(pump.running());
    ASSERT_EQ(g.upstream.requests().size(), 1u);
    EXPECT_EQ(parse(g.upstream.requests()[0].body)->getValue<std::string>("kind"),
              "booking_confirmation");
}

TEST(GuidanceOutbox, RescheduleAndCancelWithdrawPendingRemindersAndTellThePatient) {
    GuidanceFixture g;
    auto& services = g.f.server.services();
    const auto id = g.book(g.prescription(), "2026-09-24T14:00:00+09:00");
    services.notificationPump().runNow();
    const std::string base = "/api/v1/guidance/appointments/" + std::to_string(id);
    ASSERT_EQ(g.clerk
                  .post(base + "/reschedule",
                        R"({"start":"2026-09-25T09:00:00+09:00","reason":"薬局都合"})")
                  .status,
              200);
    auto states = countByState(services);
    EXPECT_EQ(states["cancelled"], 2) << "the old reminders";
    EXPECT_EQ(states["pending"], 3) << "the change notice and two new reminders";
    services.notificationPump().runNow();
    auto requests = g.upstream.requests();
    ASSERT_EQ(requests.size(), 2u);
    auto change = parse(requests[1].body);
    EXPECT_EQ(change->getValue<std::string>("kind"), "change");
    const auto body = change->getValue<std::string>("body");
    EXPECT_NE(body.find("2026年9月25日（金）09:00"), std::string::npos) << body;
    EXPECT_NE(body.find("2026年9月24日（木）14:00"), std::string::npos) << body;

    ASSERT_EQ(g.clerk.post(base + "/cancel", R"({"reason":"患者都合"})").status, 200);
    services.notificationPump().runNow();
    requests = g.upstream.requests();
    ASSERT_EQ(requests.size(), 3u);
    EXPECT_EQ(parse(requests[2].body)->getValue<std::string>("kind"), "cancellation");
    // When the withdrawn reminders' times come, nothing more goes out.
    g.f.server.clock().set(at("2026-09-25T08:50:00+09:00"));
    EXPECT_EQ(services.notificationPump().runNow().claimed, 0u);
    EXPECT_EQ(g.upstream.requests().size(), 3u);
}
