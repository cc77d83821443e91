#include <gtest/gtest.h>

#include "integration/intake/IntakeFixture.h"
#include "support/TempDir.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

Response poll(TestClient& client, const std::string& etag = "", const std::string& query = "") {
    std::map<std::string, std::string> headers;
    if (!etag.empty()) headers["If-None-Match"] = etag;
    return client.request("GET", "/api/v1/prescriptions" + query, "", "application/json", headers);
}

int auditCount(IntakeFixture& f, const std::string& action) {
    SQLite::Database raw(f.server.settings().databasePath(), SQLite::OPEN_READONLY);
    SQLite::Statement q(raw, "SELECT COUNT(*) FROM audit_log WHERE action = ?");
    q.bind(1, action);
    q.executeStep();
    return q.getColumn(0).getInt();
}

std::string versioned(int version) {
    return "{\"version\":" + std::to_string(version) + "}";
}

}  // namespace

TEST(QueuePolling, AnUnchangedQueueAnswers304WithNoListAndNoAuditEntry) {
    IntakeFixture f;
    f.sendFax(f.faxOf(f.prescription("P1")));
    TestClient clerk = f.server.loggedIn(f.clerk);

    Response first = poll(clerk);
    ASSERT_EQ(first.status, 200) << first.body;
    std::string tag = first.header("ETag");
    ASSERT_FALSE(tag.empty());
    EXPECT_EQ(tag.front(), '"') << "a strong validator: a quoted tag without W/";
    EXPECT_EQ(first.header("Cache-Control"), "no-store") << "the list holds patient names";
    EXPECT_EQ(auditCount(f, "prescription.list"), 1);

    Response again = poll(clerk, tag);
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
    EXPECT_EQ(again.header("ETag"), tag);
    EXPECT_EQ(again.header("Cache-Control"), "no-store");
    EXPECT_EQ(auditCount(f, "prescription.list"), 1) << "nothing disclosed, nothing audited";

    // If-None-Match as browsers and proxies send it: a list, weak forms compared weakly.
    EXPECT_EQ(poll(clerk, "\"other\", W/" + tag).status, 304);
    EXPECT_EQ(poll(clerk, "\"other\"").status, 200);
    EXPECT_EQ(auditCount(f, "prescription.list"), 2);
}

TEST(QueuePolling, EveryChangeTheListCouldShowChangesTheTag) {
    IntakeFixture f;
    auto id = std::to_string(f.sendFax(f.faxOf(f.prescription("P1"))).json()->getValue<int>("id"));
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    std::string tag = poll(pharmacist).header("ETag");

    // A new arrival.
    f.sendFax(f.faxOf(f.prescription("P2")));
    Response arrived = poll(pharmacist, tag);
    ASSERT_EQ(arrived.status, 200);
    EXPECT_EQ(arrived.json()->getArray("prescriptions")->size(), 2u);
    EXPECT_NE(arrived.header("ETag"), tag);
    tag = arrived.header("ETag");
    EXPECT_EQ(poll(pharmacist, tag).status, 304);

    // A lifecycle step.
    ASSERT_EQ(pharmacist.post("/api/v1/prescriptions/" + id + "/actions/hold", versioned(1)).status,
              200);
    Response held = poll(pharmacist, tag);
    ASSERT_EQ(held.status, 200);
    EXPECT_NE(held.header("ETag"), tag);
    tag = held.header("ETag");

    // A finding changed by any writer (here straight in the database, as another service
    // would): the triggers catch it, not only the intake service's own writes.
    {
        SQLite::Database raw(f.server.settings().databasePath(), SQLite::OPEN_READWRITE);
        raw.exec("UPDATE prescription_findings SET resolved_at = 1, resolution = 'x'");
    }
    EXPECT_EQ(poll(pharmacist, tag).status, 200);
}

TEST(QueuePolling, TheTagBelongsToTheFilter) {
    IntakeFixture f;
    f.sendFax(f.faxOf(f.prescription("P1")));
    TestClient clerk = f.server.loggedIn(f.clerk);
    std::string all = poll(clerk).header("ETag");
    std::string received = poll(clerk, "", "?status=received").header("ETag");
    EXPECT_NE(all, received);
    EXPECT_EQ(poll(clerk, all, "?status=received").status, 200)
        << "another filter's tag is no match";
    EXPECT_EQ(poll(clerk, received, "?status=received").status, 304);
    EXPECT_NE(poll(clerk, "", "?limit=10").header("ETag"), all);
    EXPECT_EQ(clerk.get("/api/v1/prescriptions?limit=0").errorCode(), "invalid_field")
        << "the filter is still checked first";
}

TEST(QueuePolling, ARestartedServerNeverAnswers304ToAnEarlierRunsTag) {
    // A restored backup restarts the change sequence: a tag from before must not match.
    TempDir shared;
    const std::string data_dir = shared.path() + "/data";
    std::string tag;
    {
        IntakeFixture f(
            IntakeFixture::withSettings([&](app::Settings& s) { s.data_dir = data_dir; }));
        TestClient clerk = f.server.loggedIn(f.clerk);
        tag = poll(clerk).header("ETag");
        ASSERT_EQ(poll(clerk, tag).status, 304);
    }
    TestServerOptions options;
    options.settings = [&](app::Settings& s) { s.data_dir = data_dir; };
    TestServer again(std::move(options));
    TestClient clerk = again.loggedIn(again.createStaff("tanaka", auth::Role::Clerk));
    EXPECT_EQ(poll(clerk, tag).status, 200);
}
