#include <gtest/gtest.h>

#include <future>

#include "integration/intake/IntakeFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

std::string versioned(int version, const std::string& extra = "") {
    return "{\"version\":" + std::to_string(version) + extra + "}";
}

}  // namespace

TEST(Queue, FiltersBySourceAndStatusAndSearchesByName) {
    IntakeFixture f;
    f.sendFax(f.faxOf(f.prescription("Q1")));
    TestClient clerk = f.server.loggedIn(f.clerk);
    clerk.request("POST", "/api/v1/scans", f.faxOf(f.prescription("Q2")), "image/tiff");
    auto count = [&](const std::string& query) {
        Response r = clerk.get("/api/v1/prescriptions" + query);
        EXPECT_EQ(r.status, 200) << r.body;
        return r.json()->getArray("prescriptions")->size();
    };
    EXPECT_EQ(count(""), 2u);
    EXPECT_EQ(count("?source=fax"), 1u);
    EXPECT_EQ(count("?source=counter"), 1u);
    EXPECT_EQ(count("?status=received"), 2u);
    EXPECT_EQ(count("?status=verified"), 0u);
    EXPECT_EQ(count("?q=%E6%97%A5%E8%96%AC"), 2u);  // 日薬
    EXPECT_EQ(count("?q=%25"), 0u) << "LIKE wildcards are taken literally";
    EXPECT_EQ(clerk.get("/api/v1/prescriptions?source=pigeon").errorCode(), "invalid_field");
    EXPECT_EQ(clerk.get("/api/v1/prescriptions?limit=0").errorCode(), "invalid_field");
}

TEST(Queue, AMisdirectedFaxLeavesTheWorkingViewsButStaysForTheAudit) {
    IntakeFixture f;
    auto id = std::to_string(f.sendFax(f.faxOf(f.prescription())).json()->getValue<int>("id"));
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    Response r = pharmacist.post("/api/v1/prescriptions/" + id + "/actions/mark_misdirected",
                                 versioned(1, ",\"note\":\"送信元へ連絡済み\""));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()->getValue<std::string>("status"), "misdirected");
    EXPECT_TRUE(r.json()->getValue<bool>("misdirected"));
    EXPECT_EQ(pharmacist.get("/api/v1/prescriptions").json()->getArray("prescriptions")->size(), 0u);
    EXPECT_EQ(pharmacist.get("/api/v1/prescriptions?status=misdirected").json()->getArray("prescriptions")->size(), 1u);
    EXPECT_EQ(pharmacist.get("/api/v1/prescriptions/" + id).status, 200) << "kept";
    auto timeline = pharmacist.get("/api/v1/prescriptions/" + id + "/timeline").json()->getArray("events");
    EXPECT_EQ(timeline->getObject(timeline->size() - 1)->getValue<std::string>("note"), "送信元へ連絡済み");
}

TEST(Queue, TwoStaffActingAtOnceGetOneSuccessAndOneConflict) {
    IntakeFixture f;
    auto id = std::to_string(f.sendFax(f.faxOf(f.prescription())).json()->getValue<int>("id"));
    TestClient a = f.server.loggedIn(f.pharmacist);
    TestClient b = f.server.loggedIn(f.clerk);
    auto hold = std::async(std::launch::async, [&] { return a.post("/api/v1/prescriptions/" + id + "/actions/hold", versioned(1)); });
    auto cancel = std::async(std::launch::async, [&] { return b.post("/api/v1/prescriptions/" + id + "/actions/cancel", versioned(1)); });
    std::vector<int> statuses{hold.get().status, cancel.get().status};
    std::sort(statuses.begin(), statuses.end());
    EXPECT_EQ(statuses, (std::vector<int>{200, 409}));
    auto events = a.get("/api/v1/prescriptions/" + id + "/timeline").json()->getArray("events");
    EXPECT_EQ(events->size(), 2u) << "receive + exactly one action, nothing half-applied";
}

TEST(Queue, TheLifecycleRefusesIllegalStepsAndWaitsForThePharmacist) {
    IntakeFixture f;
    auto expired = f.prescription();
    expired.issue_date = tokyoDate(f.server.clock().now() - std::chrono::hours(24 * 10));
    auto id = std::to_string(f.sendFax(f.faxOf(expired)).json()->getValue<int>("id"));
    TestClient clerk = f.server.loggedIn(f.clerk);
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    std::string base = "/api/v1/prescriptions/" + id;

    Response early = pharmacist.post(base + "/actions/dispense", versioned(1));
    EXPECT_EQ(early.status, 409);
    EXPECT_EQ(early.errorCode(), "illegal_transition");
    EXPECT_EQ(clerk.post(base + "/actions/verify", versioned(1)).status, 403) << "pharmacists verify";
    Response blocked = pharmacist.post(base + "/actions/verify", versioned(1));
    EXPECT_EQ(blocked.errorCode(), "unresolved_errors");

    auto view = pharmacist.get(base).json();
    auto findings = view->getArray("findings");
    for (size_t i = 0; i < findings->size(); ++i) {
        auto finding = findings->getObject(i);
        if (finding->getValue<std::string>("severity") != "error") continue;
        EXPECT_EQ(clerk.post(base + "/findings/" + std::to_string(finding->getValue<int>("id")) + "/resolve",
                             R"({"resolution":"x"})").status, 403);
        Response ok = pharmacist.post(base + "/findings/" + std::to_string(finding->getValue<int>("id")) + "/resolve",
                                      R"({"resolution":"処方医に確認し、使用期限の延長を確認"})");
        EXPECT_EQ(ok.status, 200) << ok.body;
    }
    Response verified = pharmacist.post(base + "/actions/verify", versioned(1));
    ASSERT_EQ(verified.status, 200) << verified.body;
    EXPECT_EQ(verified.json()->getValue<std::string>("status"), "verified");
    EXPECT_EQ(verified.json()->getValue<int>("version"), 2);
    EXPECT_EQ(pharmacist.post(base + "/actions/dispense", versioned(1)).errorCode(), "version_conflict");
    EXPECT_EQ(pharmacist.post(base + "/actions/teleport", versioned(2)).errorCode(), "unknown_action");
}
