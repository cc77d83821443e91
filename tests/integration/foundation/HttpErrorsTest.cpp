#include <gtest/gtest.h>

#include "core/Error.h"
#include "http/RequestContext.h"
#include "integration/foundation/JsonText.h"
#include "support/TestServer.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

TestServerOptions withFaultRoutes() {
    TestServerOptions o;
    o.settings = [](app::Settings& s) { s.auth.throttle.base_lock_seconds = 600; };
    o.routes = [](http::Router& router, app::Services&) {
        router.add({"GET", "/test/boom", auth::Permission::Public, 0, false, true,
                    [](http::RequestContext&) { throw std::runtime_error("secret patient 山田太郎"); }});
        router.add({"GET", "/test/storage", auth::Permission::Public, 0, false, true,
                    [](http::RequestContext&) {
                        throw Error(ErrorKind::Storage, "disk_full", "ディスクの空きがありません");
                    }});
    };
    return o;
}

void expectError(const Response& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.errorCode(), code) << r.body;
    auto error = r.json()->getObject("error");
    ASSERT_TRUE(error);
    EXPECT_FALSE(error->getValue<std::string>("message").empty());
    EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8");
}

}  // namespace

TEST(HttpErrors, EveryErrorStatusComesFromARealRequestAsJson) {
    TestServer server(withFaultRoutes());
    Staff admin = server.createStaff("admin1", auth::Role::Admin);
    Staff clerk = server.createStaff("clerk1", auth::Role::Clerk);
    TestClient a = server.loggedIn(admin);
    TestClient c = server.loggedIn(clerk);
    TestClient anonymous = server.client();

    expectError(a.post("/api/v1/users", "{not json"), 400, "invalid_json");
    expectError(a.post("/api/v1/users", "[1,2]"), 400, "invalid_json");
    expectError(a.post("/api/v1/users", R"({"login":5,"display_name":"x","role":"clerk"})"), 400,
                "invalid_field");
    expectError(a.post("/api/v1/users", "{\"login\":\"\xff\xfe\"}"), 400, "invalid_encoding");
    expectError(a.post("/api/v1/users", R"({"display_name":"x","role":"clerk"})"), 400,
                "missing_field");
    expectError(anonymous.get("/api/v1/users"), 401, "authentication_required");
    expectError(c.get("/api/v1/users"), 403, "forbidden");
    expectError(a.get("/api/v1/nothing"), 404, "route_not_found");
    expectError(a.post("/api/v1/users/ghost/disable"), 404, "user_not_found");
    expectError(a.del("/api/v1/users"), 405, "method_not_allowed");
    std::string newUser = jsonOf({{"login", "newbie"}, {"display_name", "新人"}, {"role", "clerk"}});
    EXPECT_EQ(a.post("/api/v1/users", newUser).status, 201);
    expectError(a.post("/api/v1/users", newUser), 409, "login_taken");
    expectError(a.post("/api/v1/users", std::string(100 * 1024, ' ')), 413, "payload_too_large");
    expectError(a.request("POST", "/api/v1/users", newUser, "text/plain"), 415,
                "unsupported_media_type");
    expectError(a.post("/api/v1/session/password",
                       jsonOf({{"current_password", admin.password}, {"new_password", "short"}})),
                422, "weak_password");
    expectError(anonymous.get("/test/storage"), 503, "disk_full");

    Response boom = anonymous.get("/test/boom");
    expectError(boom, 500, "internal_error");
    EXPECT_EQ(boom.body.find("山田"), std::string::npos) << "no exception text leaks";

    for (int i = 0; i < 5; ++i)
        expectError(anonymous.post("/api/v1/session", jsonOf({{"login", "clerk1"},
                                                               {"password", "wrong"},
                                                               {"totp", "000000"}})),
                    401, "invalid_credentials");
    Response locked = anonymous.post("/api/v1/session", jsonOf({{"login", "clerk1"},
                                                                {"password", clerk.password},
                                                                {"totp", server.freshTotp(clerk.totp_secret)}}));
    expectError(locked, 429, "login_locked");
    EXPECT_FALSE(locked.header("Retry-After").empty());

    EXPECT_EQ(anonymous.get("/healthz").status, 200) << "still serving";
    EXPECT_EQ(a.get("/api/v1/users").status, 200) << "still serving";
}

TEST(HttpErrors, ChunkedBodyOverTheLimitIs413) {
    TestServer server;
    Staff admin = server.createStaff("admin1", auth::Role::Admin);
    TestClient a = server.loggedIn(admin);
    Response r = a.request("POST", "/api/v1/users", std::string(70 * 1024, 'x'), "application/json",
                           {{"Transfer-Encoding", "chunked"}});
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(a.get("/api/v1/users").status, 200);
}

TEST(HttpErrors, ResponsesCarrySecurityHeadersAndAreNotCached) {
    TestServer server;
    TestClient anonymous = server.client();
    for (const char* path : {"/healthz", "/api/v1/users", "/nowhere"}) {
        Response r = anonymous.get(path);
        EXPECT_EQ(r.header("Cache-Control"), "no-store") << path;
        EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff") << path;
        EXPECT_EQ(r.header("X-Frame-Options"), "DENY") << path;
        EXPECT_NE(r.header("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
        EXPECT_EQ(r.header("Strict-Transport-Security"), "max-age=31536000") << path;
        EXPECT_EQ(r.header("X-Request-Id").size(), 16u) << path;
    }
}
