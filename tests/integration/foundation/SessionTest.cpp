#include <gtest/gtest.h>

#include "integration/foundation/JsonText.h"
#include "support/TestServer.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

std::string loginBody(const std::string& login, const std::string& password, const std::string& totp) {
    return jsonOf({{"login", login}, {"password", password}, {"totp", totp}});
}

}  // namespace

TEST(Session, LoginNeedsPasswordAndTotpAndSetsAStrictCookie) {
    TestServer server;
    Staff p = server.createStaff("yamada", auth::Role::Pharmacist);
    TestClient c = server.client();
    EXPECT_EQ(c.post("/api/v1/session", loginBody("yamada", "wrong password", server.freshTotp(p.totp_secret))).errorCode(),
              "invalid_credentials");
    EXPECT_EQ(c.post("/api/v1/session", loginBody("yamada", p.password, "000000")).errorCode(),
              "invalid_credentials");
    EXPECT_EQ(c.post("/api/v1/session", loginBody("nobody", p.password, "000000")).errorCode(),
              "invalid_credentials");
    EXPECT_EQ(c.post("/api/v1/session", jsonOf({{"login", "yamada"}, {"password", p.password}})).errorCode(),
              "missing_field");
    EXPECT_TRUE(c.session_cookie.empty());

    Response ok = c.post("/api/v1/session", loginBody("yamada", p.password, server.freshTotp(p.totp_secret)));
    ASSERT_EQ(ok.status, 201) << ok.body;
    std::string cookie = ok.header("Set-Cookie");
    for (const char* attribute : {"HttpOnly", "Secure", "SameSite=Strict", "Path=/"})
        EXPECT_NE(cookie.find(attribute), std::string::npos) << attribute;
    EXPECT_FALSE(c.session_cookie.empty());
    auto user = ok.json()->getObject("user");
    EXPECT_EQ(user->getValue<std::string>("role"), "pharmacist");
    EXPECT_EQ(user->getValue<std::string>("role_label"), "薬剤師");
    EXPECT_EQ(c.get("/api/v1/session").status, 200);
}

TEST(Session, ATotpCodeCannotBeReplayed) {
    TestServer server;
    Staff p = server.createStaff("yamada", auth::Role::Pharmacist);
    std::string code = server.freshTotp(p.totp_secret);
    EXPECT_EQ(server.client().post("/api/v1/session", loginBody("yamada", p.password, code)).status, 201);
    EXPECT_EQ(server.client().post("/api/v1/session", loginBody("yamada", p.password, code)).status, 401);
}

TEST(Session, StateChangingRequestsWithoutTheCsrfTokenAre403) {
    TestServer server;
    Staff admin = server.createStaff("admin1", auth::Role::Admin);
    TestClient a = server.loggedIn(admin);
    std::string token = a.csrf_token;
    a.csrf_token.clear();
    std::string body = jsonOf({{"login", "suzuki"}, {"display_name", "鈴木"}, {"role", "clerk"}});
    Response missing = a.post("/api/v1/users", body);
    EXPECT_EQ(missing.errorCode(), "csrf_token_invalid") << missing.status << missing.body;
    a.csrf_token = "forged-token";
    Response forged = a.post("/api/v1/users", body);
    EXPECT_EQ(forged.errorCode(), "csrf_token_invalid") << forged.status << forged.body;
    EXPECT_EQ(a.get("/api/v1/users").status, 200) << "reads need no token";
    a.csrf_token = token;
    EXPECT_EQ(a.post("/api/v1/users", body).status, 201);
}

TEST(Session, DisablingAUserEndsTheirSessionsAtOnce) {
    TestServer server;
    Staff admin = server.createStaff("admin1", auth::Role::Admin);
    Staff clerk = server.createStaff("suzuki", auth::Role::Clerk);
    TestClient c = server.loggedIn(clerk);
    TestClient c2 = server.loggedIn(clerk);
    ASSERT_EQ(c.get("/api/v1/session").status, 200);
    TestClient a = server.loggedIn(admin);
    ASSERT_EQ(a.post("/api/v1/users/suzuki/disable").status, 204);
    EXPECT_EQ(c.get("/api/v1/session").errorCode(), "session_invalid");
    EXPECT_EQ(c2.get("/api/v1/session").errorCode(), "session_invalid");
    EXPECT_EQ(server.client()
                  .post("/api/v1/session", loginBody("suzuki", clerk.password, server.freshTotp(clerk.totp_secret)))
                  .status,
              401)
        << "and cannot log in again";
}

TEST(Session, IdleSessionsExpireAndLogoutEndsTheSession) {
    TestServer server;
    Staff clerk = server.createStaff("suzuki", auth::Role::Clerk);
    TestClient c = server.loggedIn(clerk);
    server.clock().advance(std::chrono::minutes(29));
    EXPECT_EQ(c.get("/api/v1/session").status, 200) << "activity renews the idle timer";
    server.clock().advance(std::chrono::minutes(29));
    EXPECT_EQ(c.get("/api/v1/session").status, 200);
    server.clock().advance(std::chrono::minutes(31));
    EXPECT_EQ(c.get("/api/v1/session").errorCode(), "session_invalid");

    TestClient d = server.loggedIn(clerk);
    std::string cookie = d.session_cookie;
    Response out = d.del("/api/v1/session");
    EXPECT_EQ(out.status, 204);
    EXPECT_NE(out.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
    d.session_cookie = cookie;  // a stolen copy of the cookie is dead too
    EXPECT_EQ(d.get("/api/v1/session").status, 401);
}

TEST(Session, FirstLoginWithTheOneTimePasswordMustChangeItFirst) {
    TestServer server;
    Staff admin = server.createStaff("admin1", auth::Role::Admin);
    TestClient a = server.loggedIn(admin);
    Response created = a.post("/api/v1/users", jsonOf({{"login", "sato"}, {"display_name", "佐藤"}, {"role", "admin"}}));
    ASSERT_EQ(created.status, 201);
    auto body = created.json();
    std::string otp = body->getValue<std::string>("one_time_password");
    std::string secret = body->getValue<std::string>("totp_secret");
    EXPECT_EQ(body->getObject("user")->has("password_hash"), false);

    TestClient s = server.client();
    Response login = s.post("/api/v1/session", loginBody("sato", otp, server.freshTotp(secret)));
    ASSERT_EQ(login.status, 201);
    s.csrf_token = login.json()->getValue<std::string>("csrf_token");
    EXPECT_TRUE(login.json()->getObject("user")->getValue<bool>("password_change_required"));
    EXPECT_EQ(s.get("/api/v1/users").errorCode(), "password_change_required");
    EXPECT_EQ(s.post("/api/v1/session/password",
                     jsonOf({{"current_password", "not it"}, {"new_password", "a long new passphrase"}}))
                  .status,
              401);
    EXPECT_EQ(s.post("/api/v1/session/password",
                     jsonOf({{"current_password", otp}, {"new_password", "a long new passphrase"}}))
                  .status,
              204);
    TestClient again = server.client();
    Response relogin = again.post("/api/v1/session", loginBody("sato", "a long new passphrase", server.freshTotp(secret)));
    ASSERT_EQ(relogin.status, 201);
    again.csrf_token = relogin.json()->getValue<std::string>("csrf_token");
    EXPECT_EQ(again.get("/api/v1/users").status, 200);
}

TEST(Session, LockoutAppliesToUnknownLoginsTooSoNothingIsRevealed) {
    TestServer server;
    TestClient c = server.client();
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(c.post("/api/v1/session", loginBody("ghost", "x", "000000")).errorCode(), "invalid_credentials");
    EXPECT_EQ(c.post("/api/v1/session", loginBody("ghost", "x", "000000")).errorCode(), "login_locked");
    server.clock().advance(std::chrono::seconds(31));
    EXPECT_EQ(c.post("/api/v1/session", loginBody("ghost", "x", "000000")).errorCode(), "invalid_credentials");
}

TEST(Session, ResetTotpInvalidatesTheOldSecret) {
    TestServer server;
    Staff admin = server.createStaff("admin1", auth::Role::Admin);
    Staff clerk = server.createStaff("suzuki", auth::Role::Clerk);
    TestClient c = server.loggedIn(clerk);
    TestClient a = server.loggedIn(admin);
    Response reset = a.post("/api/v1/users/suzuki/totp");
    ASSERT_EQ(reset.status, 200);
    std::string fresh_secret = reset.json()->getValue<std::string>("totp_secret");
    EXPECT_EQ(c.get("/api/v1/session").status, 401) << "sessions end on reset";
    EXPECT_EQ(server.client().post("/api/v1/session", loginBody("suzuki", clerk.password, server.freshTotp(clerk.totp_secret))).status, 401);
    EXPECT_EQ(server.client().post("/api/v1/session", loginBody("suzuki", clerk.password, server.freshTotp(fresh_secret))).status, 201);
}

TEST(Session, ApiKeysAuthenticateClientsAndRevokedKeysAreRefused) {
    TestServer server;
    Staff admin = server.createStaff("admin1", auth::Role::Admin);
    TestClient a = server.loggedIn(admin);
    Response created = a.post("/api/v1/clients", jsonOf({{"name", "さくら内科"}, {"kind", "clinic"}, {"institution_code", "1312345678"}}));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string key = created.json()->getValue<std::string>("api_key");
    int id = created.json()->getObject("client")->getValue<int>("id");
    EXPECT_EQ(a.post("/api/v1/clients", jsonOf({{"name", "x"}, {"kind", "clinic"}})).errorCode(), "invalid_institution_code");

    TestClient clinic = server.client();
    clinic.bearer = key;
    EXPECT_EQ(clinic.get("/api/v1/users").errorCode(), "forbidden") << "authenticated, not allowed";
    clinic.bearer = key + "x";
    EXPECT_EQ(clinic.get("/api/v1/users").errorCode(), "invalid_api_key");
    clinic.bearer = key;
    ASSERT_EQ(a.post("/api/v1/clients/" + std::to_string(id) + "/revoke").status, 204);
    EXPECT_EQ(clinic.get("/api/v1/users").errorCode(), "invalid_api_key");
    Response list = a.get("/api/v1/clients");
    EXPECT_EQ(list.body.find(key), std::string::npos) << "keys are never shown again";
}
