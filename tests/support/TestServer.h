#pragma once

#include <functional>
#include <memory>
#include <string>

#include "app/HttpListener.h"
#include "app/Services.h"
#include "auth/Role.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"
#include "support/TestClient.h"

namespace rxdesk::testing {

/// A staff account made for a test, with a permanent password.
struct Staff {
    std::string login;
    std::string password;
    std::string totp_secret;
    std::int64_t id = 0;
};

/// Options for a TestServer.
struct TestServerOptions {
    /// Adjusts settings before the services start (data_dir and ports are preset).
    std::function<void(app::Settings&)> settings;
    /// Adds test-only routes before the listener starts.
    std::function<void(http::Router&, app::Services&)> routes;
    bool http_enabled = false;
    /// Use this data directory instead of a fresh one inside the server's temporary
    /// directory: a second TestServer on the same directory is a restart of the first.
    std::string data_dir;
    /// Replaces the real file system for blob writes (fault injection, e.g.
    /// FailingFileSystem); must outlive the server. Null: the real one.
    FileSystem* file_system = nullptr;
};

/// A real rxdesk: temporary data directory, real SQLite file with all migrations, real HTTPS
/// listener on an ephemeral port, a ManualClock.
class TestServer {
public:
    explicit TestServer(TestServerOptions options = {});
    ~TestServer();

    int port() const { return listener_->httpsPort(); }
    std::optional<int> httpPort() const { return listener_->httpPort(); }
    app::Services& services() { return *services_; }
    ManualClock& clock() { return clock_; }
    const app::Settings& settings() const { return settings_; }
    const std::string& dataDir() const { return dir_.path(); }

    TestClient client() { return TestClient(port()); }

    /// Creates an active account with a permanent password (no first-login change).
    Staff createStaff(const std::string& login, auth::Role role);
    /// Logs in with password and a fresh TOTP code; the client holds the cookie and CSRF token.
    TestClient loggedIn(const Staff& staff);
    /// A client holding a fresh API key of the given kind.
    TestClient apiClient(auth::ClientKind kind, const std::string& institution_code = "");

    /// The current TOTP code for `secret` that has not been used yet (advances the clock a
    /// step so codes are never replayed).
    std::string freshTotp(const std::string& secret);

    /// Stops the listener (graceful, `grace_seconds`).
    void stop(int grace_seconds = 5);

private:
    TempDir dir_;
    ManualClock clock_;
    app::Settings settings_;
    std::unique_ptr<app::Services> services_;
    std::unique_ptr<app::HttpListener> listener_;
};

}  // namespace rxdesk::testing
