// Slowloris-style clients: a request trickled in one byte at a time must be cut off by the
// server's request timeout (rxdesk.server.request_timeout_seconds), and a handful of such
// clients must not starve everybody else.
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "integration/hostile/HostileFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

constexpr int kTimeoutSeconds = 2;
constexpr auto kByteInterval = std::chrono::milliseconds(1000);
constexpr auto kGiveUpAfter = std::chrono::seconds(10);

TestServerOptions lowTimeouts(int threads = 8) {
    TestServerOptions o;
    o.settings = [threads](app::Settings& s) {
        s.request_timeout_seconds = kTimeoutSeconds;
        s.keep_alive_seconds = kTimeoutSeconds;
        s.threads = threads;
    };
    return o;
}

/// A connection that sends `request` one byte per step.
class Trickle {
public:
    Trickle(int port, std::string request) : tls_(port), request_(std::move(request)) {}

    /// Sends the next byte; false once the server has closed the connection or answered.
    bool step() {
        if (closed_) return false;
        if (tls_.read(answer_, std::chrono::milliseconds(20)) != RawTls::Read::Nothing) {
            closed_ = true;
            return false;
        }
        if (sent_ < request_.size() && !tls_.send(std::string_view(request_).substr(sent_++, 1)))
            closed_ = true;
        return !closed_;
    }
    size_t sent() const { return sent_; }
    const std::string& answer() const { return answer_; }

private:
    RawTls tls_;
    std::string request_;
    size_t sent_ = 0;
    bool closed_ = false;
    std::string answer_;
};

/// Seconds until the server cut the trickle off, or kGiveUpAfter if it never did.
double secondsUntilCutOff(Trickle& t) {
    auto start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - start < kGiveUpAfter) {
        if (!t.step()) break;
        std::this_thread::sleep_for(kByteInterval);
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string slowHead() {
    return "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + std::string(200, 'a') +
           "\r\n\r\n";
}

}  // namespace

TEST(SlowClient, AnIdleConnectionIsClosedAfterTheTimeout) {
    TestServer server(lowTimeouts());
    Trickle t(server.port(), "");
    auto start = std::chrono::steady_clock::now();
    while (t.step() && std::chrono::steady_clock::now() - start < kGiveUpAfter)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // Observed: dropped after about twice the timeout (Poco waits once in poll, once in the read).
    EXPECT_LE(seconds, 2 * kTimeoutSeconds + 1.0)
        << "a silent connection is dropped by the timeout";
}

TEST(SlowClient, HeadersTrickledOneBytePerSecondAreCutOffByTheRequestTimeout) {
    TestServer server(lowTimeouts());
    Trickle t(server.port(), slowHead());
    double seconds = secondsUntilCutOff(t);
    EXPECT_LE(seconds, kTimeoutSeconds + 2.0)
        << "still reading the request after " << seconds << " s (" << t.sent()
        << " bytes trickled); "
        << "rxdesk.server.request_timeout_seconds=" << kTimeoutSeconds;
    EXPECT_EQ(server.client().get("/healthz").status, 200);
}

TEST(SlowClient, ABodyTrickledOneBytePerSecondIsCutOffByTheRequestTimeout) {
    TestServer server(lowTimeouts());
    std::string body =
        R"({"login":")" + std::string(300, 'a') + R"(","password":"x","totp":"000000"})";
    Trickle t(
        server.port(),
        "POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        "Content-Length: " +
            std::to_string(body.size()) + "\r\n\r\n" + body);
    for (int i = 0; i < 200 && t.step(); ++i) {
        if (t.sent() > 100) break;  // the head went out at full speed
    }
    double seconds = secondsUntilCutOff(t);
    EXPECT_LE(seconds, kTimeoutSeconds + 2.0) << "still reading the body after " << seconds << " s";
    EXPECT_EQ(server.client().get("/healthz").status, 200);
}

// With every worker thread held by a trickling client, a normal client must still be served
// within about one request timeout.
TEST(SlowClient, TricklingClientsDoNotStarveOthers) {
    constexpr int kThreads = 4;
    TestServer server(lowTimeouts(kThreads));
    std::vector<std::unique_ptr<Trickle>> trickles;
    for (int i = 0; i < kThreads * 2; ++i)
        trickles.push_back(std::make_unique<Trickle>(server.port(), slowHead()));
    for (auto& t : trickles) t->step();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));

    const int port = server.port();
    auto probe = std::async(std::launch::async, [port] {
        auto start = std::chrono::steady_clock::now();
        try {
            TestClient c(port);
            int status = c.get("/healthz").status;
            return std::make_pair(
                status,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        } catch (const Poco::Exception&) {
            return std::make_pair(
                0, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
    });
    auto start = std::chrono::steady_clock::now();
    while (probe.wait_for(kByteInterval) != std::future_status::ready &&
           std::chrono::steady_clock::now() - start < kGiveUpAfter)
        for (auto& t : trickles) t->step();
    bool answered_in_time = probe.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    EXPECT_TRUE(answered_in_time) << "/healthz not answered within " << kGiveUpAfter.count()
                                  << " s while " << trickles.size() << " clients trickle";
    trickles.clear();  // closing them frees the workers, so the probe can finish
    auto [status, seconds] = probe.get();
    if (answered_in_time) {
        EXPECT_EQ(status, 200);
        EXPECT_LE(seconds, kTimeoutSeconds + 3.0);
    }
}
