#include "support/TestServer.h"

#include <gtest/gtest.h>

#include "crypto/Encoding.h"
#include "crypto/PasswordHasher.h"
#include "crypto/SelfSignedCertificate.h"
#include "crypto/Totp.h"
#include "store/PosixFileSystem.h"
#include "core/TokyoTime.h"

#include <sstream>

namespace rxdesk::testing {

TestServer::TestServer(TestServerOptions options) {
    settings_.data_dir = options.data_dir.empty() ? dir_.path() + "/data" : options.data_dir;
    settings_.https_port = 0;
    settings_.bind_address = "127.0.0.1";
    settings_.http_enabled = options.http_enabled;
    settings_.http_port = 0;
    settings_.tls_certificate = dir_.path() + "/tls/server.crt";
    settings_.tls_private_key = dir_.path() + "/tls/server.key";
    settings_.threads = 8;
    settings_.durability = store::Durability::Normal;
    settings_.auth.password_iterations = 1000;
    settings_.web_root = "";  // every path goes to the API unless a test sets a web root
    if (options.settings) options.settings(settings_);

    store::PosixFileSystem fs;
    auto cert = crypto::generateSelfSignedCertificate("localhost", {"localhost", "127.0.0.1"});
    fs.writeAtomically(settings_.tls_certificate, cert.certificate_pem);
    fs.writeAtomically(settings_.tls_private_key, cert.private_key_pem);

    services_ = std::make_unique<app::Services>(settings_, clock_, options.file_system);
    if (options.routes) options.routes(services_->router(), *services_);
    listener_ = std::make_unique<app::HttpListener>(settings_, *services_);
    listener_->start();
}

TestServer::~TestServer() {
    listener_.reset();
    services_.reset();
}

void TestServer::stop(int grace_seconds) { listener_->stop(grace_seconds); }

Staff TestServer::createStaff(const std::string& login, auth::Role role) {
    auto issued = services_->accounts().addUser(login, login + " さん", role,
                                                auth::Caller{auth::Principal::system("test"), "local"});
    Staff staff{login, "correct horse battery " + login, issued.totp_secret, issued.user.id};
    crypto::PasswordHasher hasher(settings_.auth.password_iterations);
    services_->database().write([&] {
        auto user = services_->users().findById(issued.user.id);
        user->password_hash = hasher.hash(staff.password);
        user->password_change_required = false;
        services_->users().update(*user);
    });
    return staff;
}

std::string TestServer::freshTotp(const std::string& secret) {
    clock_.advance(std::chrono::seconds(crypto::Totp::kStepSeconds));
    auto bytes = crypto::fromBase32(secret);
    return crypto::Totp::codeAt(*bytes, crypto::Totp::stepOf(unixSeconds(clock_.now())));
}

TestClient TestServer::loggedIn(const Staff& staff) {
    TestClient c = client();
    Poco::JSON::Object body;
    body.set("login", staff.login);
    body.set("password", staff.password);
    body.set("totp", freshTotp(staff.totp_secret));
    std::ostringstream out;
    body.stringify(out);
    Response r = c.post("/api/v1/session", out.str());
    EXPECT_EQ(r.status, 201) << r.body;
    if (r.status == 201) c.csrf_token = r.json()->getValue<std::string>("csrf_token");
    return c;
}

TestClient TestServer::apiClient(auth::ClientKind kind, const std::string& institution_code) {
    auto issued = services_->clients().add("test client", kind, institution_code,
                                           auth::Caller{auth::Principal::system("test"), "local"});
    TestClient c = client();
    c.bearer = issued.api_key;
    return c;
}

}  // namespace rxdesk::testing
