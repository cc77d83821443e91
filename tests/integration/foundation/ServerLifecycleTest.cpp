#include <Poco/Net/NetException.h>
#include <Poco/String.h>
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "http/RequestContext.h"
#include "support/TestServer.h"

using namespace rxdesk;
using namespace rxdesk::testing;

TEST(ServerLifecycle, HealthReadinessAndMetricsAnswer) {
    TestServer server;
    TestClient c = server.client();
    EXPECT_EQ(c.get("/healthz").status, 200);
    EXPECT_EQ(c.get("/readyz").status, 200);
    c.get("/api/v1/users");
    Response m = c.get("/metrics");
    ASSERT_EQ(m.status, 200) << "loopback scrapers are let in";
    EXPECT_NE(m.body.find("rxdesk_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 1"), std::string::npos);
    EXPECT_NE(m.body.find("rxdesk_http_errors_total{route=\"/api/v1/users\",code=\"authentication_required\"} 1"), std::string::npos);
    EXPECT_NE(m.body.find("rxdesk_http_request_duration_seconds_bucket"), std::string::npos);
}

TEST(ServerLifecycle, GracefulStopLetsARequestInFlightFinish) {
    TestServerOptions options;
    options.routes = [](http::Router& router, app::Services&) {
        router.add({"GET", "/test/slow", auth::Permission::Public, 0, false, true, [](http::RequestContext& ctx) {
                        std::this_thread::sleep_for(std::chrono::milliseconds(600));
                        ctx.respond(200, "text/plain", "done");
                    }});
    };
    TestServer server(options);
    auto in_flight = std::async(std::launch::async, [&] { return server.client().get("/test/slow"); });
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    server.stop(5);
    Response r = in_flight.get();
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "done");
    EXPECT_THROW(server.client().get("/healthz"), Poco::Exception) << "nothing new is accepted";
}

TEST(ServerLifecycle, AKeepAliveConnectionIsClosedHonestlyAtItsRequestLimit) {
    TestServer server;
    TestClient c = server.client();
    // The server allows 1,000 requests per connection; the last one must say "close".
    Response last;
    for (int i = 0; i < 1000; ++i) last = c.get("/healthz");
    EXPECT_EQ(last.status, 200);
    EXPECT_EQ(Poco::toLower(last.header("Connection")), "close");
    EXPECT_EQ(c.get("/healthz").status, 200) << "the next request goes over a new connection";
}
