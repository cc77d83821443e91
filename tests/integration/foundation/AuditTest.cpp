#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "integration/foundation/JsonText.h"
#include "support/TestServer.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

// Produces a few audited actions through the API and returns the admin's client.
TestClient busyAdmin(TestServer& server) {
    Staff admin = server.createStaff("admin1", auth::Role::Admin);
    TestClient a = server.loggedIn(admin);
    EXPECT_EQ(a.post("/api/v1/users", jsonOf({{"login", "suzuki"}, {"display_name", "鈴木"}, {"role", "clerk"}})).status, 201);
    EXPECT_EQ(a.post("/api/v1/users/suzuki/disable").status, 204);
    server.client().post("/api/v1/session", jsonOf({{"login", "admin1"}, {"password", "x"}, {"totp", "1"}}));
    return a;
}

void tamper(TestServer& server, const std::string& sql) {
    SQLite::Database raw(server.settings().databasePath(), SQLite::OPEN_READWRITE);
    raw.exec(sql);
}

}  // namespace

TEST(Audit, ActionsAreRecordedWithWhoWhatWhereAndOutcome) {
    TestServer server;
    TestClient a = busyAdmin(server);
    auto report = server.services().audit().verify();
    EXPECT_FALSE(report.broken);
    EXPECT_GE(report.entries, 5);
    Response v = a.get("/api/v1/audit/verification");
    ASSERT_EQ(v.status, 200);
    EXPECT_TRUE(v.json()->getValue<bool>("ok"));

    SQLite::Database raw(server.settings().databasePath(), SQLite::OPEN_READONLY);
    SQLite::Statement q(raw, "SELECT actor, action, remote_addr, outcome, detail FROM audit_log ORDER BY seq");
    std::vector<std::string> seen;
    while (q.executeStep())
        seen.push_back(q.getColumn(0).getString() + " " + q.getColumn(1).getString() + " " +
                       q.getColumn(2).getString() + " " + q.getColumn(3).getString() + " " +
                       q.getColumn(4).getString());
    auto has = [&](const std::string& s) { return std::find(seen.begin(), seen.end(), s) != seen.end(); };
    EXPECT_TRUE(has("user:1 session.create 127.0.0.1 ok "));
    EXPECT_TRUE(has("user:1 user.add 127.0.0.1 ok clerk"));
    EXPECT_TRUE(has("user:1 user.disable 127.0.0.1 ok "));
    EXPECT_TRUE(has("anonymous session.create 127.0.0.1 denied wrong_password"));
}

TEST(Audit, TheLogIsAppendOnly) {
    TestServer server;
    busyAdmin(server);
    EXPECT_THROW(tamper(server, "UPDATE audit_log SET actor = 'user:9' WHERE seq = 2"), SQLite::Exception);
    EXPECT_THROW(tamper(server, "DELETE FROM audit_log WHERE seq = 2"), SQLite::Exception);
}

TEST(Audit, AnEditedEntryIsDetectedAndLocated) {
    TestServer server;
    TestClient a = busyAdmin(server);
    tamper(server, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'user:9' WHERE seq = 2");
    Response v = a.get("/api/v1/audit/verification");
    ASSERT_EQ(v.status, 200);
    EXPECT_FALSE(v.json()->getValue<bool>("ok"));
    EXPECT_EQ(v.json()->getObject("broken")->getValue<int>("seq"), 2);
    EXPECT_EQ(v.json()->getObject("broken")->getValue<std::string>("problem"), "edited");
}

TEST(Audit, ADeletedEntryIsDetectedAndLocated) {
    TestServer server;
    busyAdmin(server);
    tamper(server, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 3");
    auto report = server.services().audit().verify();
    ASSERT_TRUE(report.broken);
    EXPECT_EQ(report.broken->seq, 3);
    EXPECT_EQ(report.broken->problem, "missing_entry");
}

TEST(Audit, ADeletedLastEntryIsDetected) {
    TestServer server;
    busyAdmin(server);
    tamper(server, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)");
    auto report = server.services().audit().verify();
    ASSERT_TRUE(report.broken);
    EXPECT_EQ(report.broken->problem, "head_mismatch");
}

TEST(Audit, ForbiddenAttemptsAreAuditedAsDenied) {
    TestServer server;
    Staff clerk = server.createStaff("suzuki", auth::Role::Clerk);
    TestClient c = server.loggedIn(clerk);
    EXPECT_EQ(c.get("/api/v1/users").status, 403);
    SQLite::Database raw(server.settings().databasePath(), SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied' AND "
                             "object_id = 'GET /api/v1/users' AND outcome = 'denied'")
                  .getInt(),
              1);
}
