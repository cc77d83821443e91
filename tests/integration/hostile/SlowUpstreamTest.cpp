// A slow or failing e-prescription service seen from the HTTP API: the request gives up
// after the configured timeout and attempts, stores nothing, and the same request succeeds
// once the service answers again.
#include <gtest/gtest.h>

#include "eprescription_sim/EPrescriptionSimulator.h"
#include "integration/hostile/HostileFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

constexpr auto kRequestTimeout = std::chrono::milliseconds(800);
constexpr int kAttempts = 2;

std::string retrieveBody() {
    return R"({"exchange_number":"1234567890123456","insurer_number":"06012345","birth_date":"1960-06-06"})";
}

}  // namespace

TEST(SlowUpstream, ASlowServiceTimesOutAsConfiguredStoresNothingAndALaterRetrySucceeds) {
    ManualClock sim_clock;
    eprescription_sim::EPrescriptionSimulator simulator{{}, sim_clock};
    simulator.start();
    std::string url = simulator.baseUrl();
    TestServerOptions options;
    options.settings = [url](app::Settings& s) {
        s.eprescription.base_url = url;
        s.eprescription.max_attempts = kAttempts;
        s.eprescription.initial_backoff = std::chrono::milliseconds(10);
        s.eprescription.request_timeout = kRequestTimeout;
    };
    HostileFixture f(std::move(options));
    sim_clock.set(f.server.clock().now());
    simulator.registry().add({"", "1234567890123456", f.prescription("E-1")});
    TestClient clerk = f.server.loggedIn(f.clerk);
    const auto before = f.rowCounts();

    // Slower than the timeout on every attempt.
    simulator.faults().set({0, 503, 5000, 0});
    auto t0 = std::chrono::steady_clock::now();
    Response slow = clerk.post("/api/v1/eprescriptions/retrieve", retrieveBody());
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(slow.status, 502) << slow.body;
    EXPECT_EQ(slow.errorCode(), "upstream_timeout");
    EXPECT_LT(seconds, kAttempts * 0.8 + 1.5) << "gave up after the configured timeout × attempts";
    EXPECT_GE(seconds, 0.8) << "and not before the timeout";
    std::cout << "[ slow upstream ] gave up after " << seconds << " s (" << kAttempts << " × "
              << kRequestTimeout.count() << " ms)\n";
    EXPECT_EQ(f.rowCounts(), before) << "nothing stored";

    // Half an answer, then the connection drops.
    simulator.faults().set({0, 503, 0, kAttempts});
    Response cut = clerk.post("/api/v1/eprescriptions/retrieve", retrieveBody());
    EXPECT_EQ(cut.status, 502) << cut.body;
    EXPECT_EQ(f.rowCounts(), before);

    // Down: refused connections.
    simulator.stop();
    Response down = clerk.post("/api/v1/eprescriptions/retrieve", retrieveBody());
    EXPECT_EQ(down.status, 502) << down.body;
    EXPECT_EQ(f.rowCounts(), before);
    EXPECT_EQ(clerk.get("/healthz").status, 200);
    EXPECT_EQ(clerk.get("/api/v1/prescriptions").status, 200) << "the rest keeps working";
}

TEST(SlowUpstream, AServiceThatRecoversBetweenAttemptsIsRetriedWithinOneRequest) {
    ManualClock sim_clock;
    eprescription_sim::EPrescriptionSimulator simulator{{}, sim_clock};
    simulator.start();
    std::string url = simulator.baseUrl();
    TestServerOptions options;
    options.settings = [url](app::Settings& s) {
        s.eprescription.base_url = url;
        s.eprescription.max_attempts = 3;
        s.eprescription.initial_backoff = std::chrono::milliseconds(10);
        s.eprescription.request_timeout = kRequestTimeout;
    };
    HostileFixture f(std::move(options));
    sim_clock.set(f.server.clock().now());
    simulator.registry().add({"", "1234567890123456", f.prescription("E-1")});
    TestClient clerk = f.server.loggedIn(f.clerk);

    simulator.faults().set({2, 503, 0, 0});  // the first two attempts fail
    Response r = clerk.post("/api/v1/eprescriptions/retrieve", retrieveBody());
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(f.count("prescriptions"), 2) << "the seeded one and this one, once";
    simulator.stop();
}
