#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "http/RequestContext.h"
#include "support/TestServer.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

// A creating route that records an audit entry per call and answers with its count.
TestServerOptions withCreatingRoute() {
    TestServerOptions o;
    o.routes = [](http::Router& router, app::Services& services) {
        router.add({"POST", "/test/things", auth::Permission::OwnSession, 4096, true, false,
                    [&services](http::RequestContext& ctx) {
                        ctx.json();
                        services.audit().record(audit::AuditEvent{ctx.principal().actor(), "thing.create",
                                                                  "thing", "", std::nullopt,
                                                                  ctx.remoteAddr(), "ok", ""});
                        auto count = services.audit().verify().entries;
                        Poco::JSON::Object o;
                        o.set("entries", count);
                        ctx.respondJson(201, o);
                    }});
    };
    return o;
}

int thingsCreated(TestServer& server) {
    SQLite::Database raw(server.settings().databasePath(), SQLite::OPEN_READONLY);
    return raw.execAndGet("SELECT COUNT(*) FROM audit_log WHERE action = 'thing.create'").getInt();
}

}  // namespace

TEST(Idempotency, SameKeyAndBodyReplaysTheAnswerAndCreatesOnce) {
    TestServer server(withCreatingRoute());
    TestClient c = server.loggedIn(server.createStaff("yamada", auth::Role::Pharmacist));
    Response first = c.request("POST", "/test/things", R"({"n":1})", "application/json", {{"Idempotency-Key", "k-1"}});
    Response again = c.request("POST", "/test/things", R"({"n":1})", "application/json", {{"Idempotency-Key", "k-1"}});
    ASSERT_EQ(first.status, 201);
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
    EXPECT_EQ(thingsCreated(server), 1);

    Response other = c.request("POST", "/test/things", R"({"n":2})", "application/json", {{"Idempotency-Key", "k-1"}});
    EXPECT_EQ(other.errorCode(), "idempotency_key_reused");
    EXPECT_EQ(other.status, 409);
    EXPECT_EQ(thingsCreated(server), 1);

    EXPECT_EQ(c.request("POST", "/test/things", R"({"n":1})", "application/json", {{"Idempotency-Key", "bad key with spaces"}}).status, 400);
    EXPECT_EQ(c.post("/test/things", R"({"n":1})").status, 201) << "no key, no deduplication";
    EXPECT_EQ(thingsCreated(server), 2);
}

TEST(Idempotency, KeysAreScopedToTheCaller) {
    TestServer server(withCreatingRoute());
    TestClient a = server.loggedIn(server.createStaff("yamada", auth::Role::Pharmacist));
    TestClient b = server.loggedIn(server.createStaff("sato", auth::Role::Pharmacist));
    EXPECT_EQ(a.request("POST", "/test/things", "{}", "application/json", {{"Idempotency-Key", "same"}}).status, 201);
    Response r = b.request("POST", "/test/things", "{}", "application/json", {{"Idempotency-Key", "same"}});
    EXPECT_EQ(r.status, 201);
    EXPECT_EQ(r.header("Idempotent-Replayed"), "");
    EXPECT_EQ(thingsCreated(server), 2);
}

TEST(Idempotency, AFailedRequestStoresNothingSoARetryRunsAgain) {
    TestServer server(withCreatingRoute());
    TestClient c = server.loggedIn(server.createStaff("yamada", auth::Role::Pharmacist));
    EXPECT_EQ(c.request("POST", "/test/things", "{broken", "application/json", {{"Idempotency-Key", "k"}}).status, 400);
    EXPECT_EQ(c.request("POST", "/test/things", "{}", "application/json", {{"Idempotency-Key", "k"}}).status, 201);
    EXPECT_EQ(thingsCreated(server), 1);
}
