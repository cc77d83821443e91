#include <gtest/gtest.h>

#include <future>

#include "integration/originals/OriginalsFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

std::vector<std::string> paths(const Poco::JSON::Object::Ptr& view) {
    std::vector<std::string> out;
    auto differences = view->getObject("reconciliation")->getArray("differences");
    for (size_t i = 0; i < differences->size(); ++i)
        out.push_back(differences->getObject(i)->getValue<std::string>("path"));
    return out;
}

}  // namespace

TEST(OriginalReconciliation, AnIdenticalOriginalIsMatchedAndKeptBesideTheFax) {
    OriginalsFixture f;
    auto rx = f.prescription();
    std::string id = f.faxIn(rx);
    TestClient clerk = f.server.loggedIn(f.clerk);
    Response r = f.scanOriginal(clerk, id, 1, f.originalOf(rx));
    ASSERT_EQ(r.status, 200) << r.body;
    auto view = r.json();
    EXPECT_EQ(view->getValue<std::string>("original_state"), "matched");
    EXPECT_TRUE(view->getObject("reconciliation")->getValue<bool>("matched"));
    EXPECT_TRUE(view->getObject("reconciliation")->getValue<bool>("readable"));
    EXPECT_EQ(view->getObject("reconciliation")->getArray("differences")->size(), 0u);
    EXPECT_EQ(view->getArray("inquiries")->size(), 0u);
    EXPECT_EQ(view->getValue<int>("version"), 2);

    auto pages = clerk.get("/api/v1/prescriptions/" + id).json()->getArray("pages");
    std::vector<std::string> kinds;
    for (size_t i = 0; i < pages->size(); ++i)
        kinds.push_back(pages->getObject(i)->getValue<std::string>("kind"));
    EXPECT_EQ(kinds, (std::vector<std::string>{"fax", "original"}))
        << "both images linked to the prescription";
    EXPECT_EQ(clerk.get("/api/v1/prescriptions/" + id + "/pages/original/1").status, 200);

    auto timeline =
        clerk.get("/api/v1/prescriptions/" + id + "/timeline").json()->getArray("events");
    EXPECT_EQ(timeline->getObject(timeline->size() - 1)->getValue<std::string>("action"),
              "original.record_match");
    EXPECT_EQ(f.column("SELECT COUNT(*) FROM audit_log WHERE action = 'original.scan' AND "
                       "patient_ref LIKE 'pt-%'"),
              std::vector<std::string>{"1"});

    Response again = f.scanOriginal(clerk, id, 2, f.originalOf(rx));
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(again.errorCode(), "state_terminal");
}

TEST(OriginalReconciliation, ChangedDaysAndASwappedDrugAreShownSideBySideAndOpenAnInquiry) {
    OriginalsFixture f;
    auto rx = f.prescription();
    std::string id = f.faxIn(rx);
    auto original = rx;
    original.rps[0].quantity = 7;
    original.rps[0].items[0].code = "620000001";
    original.rps[0].items[0].name = "アムロジピン錠２．５ｍｇ";
    TestClient clerk = f.server.loggedIn(f.clerk);
    Response r = f.scanOriginal(clerk, id, 1, f.originalOf(original));
    ASSERT_EQ(r.status, 200) << r.body;
    auto view = r.json();
    EXPECT_EQ(view->getValue<std::string>("original_state"), "mismatched");
    EXPECT_EQ(paths(view), (std::vector<std::string>{"rps[1].days", "rps[1].items[1].code"}));
    auto days = view->getObject("reconciliation")->getArray("differences")->getObject(0);
    EXPECT_EQ(days->getValue<std::string>("label"), "Rp1 日数");
    EXPECT_EQ(days->getValue<std::string>("fax_value"), "14");
    EXPECT_EQ(days->getValue<std::string>("original_value"), "7");
    auto drug = view->getObject("reconciliation")->getArray("differences")->getObject(1);
    EXPECT_NE(drug->getValue<std::string>("fax_value").find("ノルバスク"), std::string::npos);
    EXPECT_NE(drug->getValue<std::string>("original_value").find("アムロジピン"),
              std::string::npos);

    auto inquiries = view->getArray("inquiries");
    ASSERT_EQ(inquiries->size(), 1u) << "a mismatch opens an inquiry";
    auto inquiry_id = std::to_string(inquiries->getObject(0)->getValue<int>("id"));
    EXPECT_TRUE(inquiries->getObject(0)->getValue<bool>("open"));

    Response call =
        clerk.post("/api/v1/prescriptions/" + id + "/inquiries",
                   R"({"called_at":"2026-09-22T10:15:00+09:00","clinic_contact":"受付 佐藤様",)"
                   R"("answer":"原本が正しい。Rp1 は7日分、アムロジピンに変更"})");
    ASSERT_EQ(call.status, 201) << call.body;
    EXPECT_EQ(call.json()->getValue<std::string>("id"), inquiry_id)
        << "the call fills the open inquiry";
    EXPECT_EQ(call.json()->getValue<std::string>("called_by"), "suzuki さん");
    EXPECT_EQ(call.json()->getValue<std::string>("called_at"), "2026-09-22T01:15:00Z");

    std::string resolve = "/api/v1/prescriptions/" + id + "/inquiries/" + inquiry_id + "/resolve";
    EXPECT_EQ(clerk.post(resolve, R"({"version":2,"resolution":"x"})").status, 403)
        << "pharmacists resolve";
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    EXPECT_EQ(pharmacist.post(resolve, R"({"version":1,"resolution":"x"})").errorCode(),
              "version_conflict");
    Response resolved =
        pharmacist.post(resolve, R"({"version":2,"resolution":"差額を返金し、お薬を交換した"})");
    ASSERT_EQ(resolved.status, 200) << resolved.body;
    EXPECT_EQ(resolved.json()->getValue<std::string>("original_state"), "resolved");
    auto closed = resolved.json()->getArray("inquiries")->getObject(0);
    EXPECT_FALSE(closed->getValue<bool>("open"));
    EXPECT_EQ(closed->getValue<std::string>("resolution"), "差額を返金し、お薬を交換した");
    EXPECT_EQ(pharmacist.post(resolve, R"({"version":3,"resolution":"x"})").errorCode(),
              "inquiry_resolved");

    Response status = pharmacist.get("/api/v1/prescriptions/" + id + "/original");
    EXPECT_EQ(status.json()->getValue<std::string>("original_state"), "resolved");
    EXPECT_EQ(paths(status.json()).size(), 2u) << "the differences stay on record";
}

TEST(OriginalReconciliation, AnUnreadableOriginalArrivesAndWaitsForAPharmacistsComparison) {
    OriginalsFixture f;
    std::string id = f.faxIn(f.prescription());
    TestClient clerk = f.server.loggedIn(f.clerk);
    Response r = f.scanOriginal(clerk, id, 1, f.blankFax());
    ASSERT_EQ(r.status, 200) << r.body;
    auto view = r.json();
    EXPECT_EQ(view->getValue<std::string>("original_state"), "arrived");
    EXPECT_TRUE(view->getValue<bool>("needs_manual_comparison"));
    EXPECT_FALSE(view->getObject("reconciliation")->getValue<bool>("readable"));
    auto codes = IntakeFixture::findingCodes(clerk.get("/api/v1/prescriptions/" + id).json());
    EXPECT_TRUE(IntakeFixture::has(codes, "original_manual_comparison"));

    std::string compare = "/api/v1/prescriptions/" + id + "/original/comparison";
    EXPECT_EQ(clerk.post(compare, R"({"version":2,"matched":true})").status, 403);
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    EXPECT_EQ(pharmacist.post(compare, R"({"version":2,"matched":false})").errorCode(),
              "missing_field");
    Response done =
        pharmacist.post(compare, R"({"version":2,"matched":true,"note":"目視で全項目一致"})");
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(done.json()->getValue<std::string>("original_state"), "matched");
    EXPECT_EQ(done.json()->getObject("reconciliation")->getValue<std::string>("method"), "manual");
    auto findings = pharmacist.get("/api/v1/prescriptions/" + id).json()->getArray("findings");
    for (size_t i = 0; i < findings->size(); ++i)
        if (findings->getObject(i)->getValue<std::string>("code") == "original_manual_comparison")
            EXPECT_TRUE(findings->getObject(i)->getValue<bool>("resolved"));
}

TEST(OriginalReconciliation, ArrivalWithoutAScanThenTheScanCompletesIt) {
    OriginalsFixture f;
    auto rx = f.prescription();
    std::string id = f.faxIn(rx);
    TestClient clerk = f.server.loggedIn(f.clerk);
    Response arrived =
        clerk.post("/api/v1/prescriptions/" + id + "/original",
                   R"({"version":1,"arrived_without_scan":true,"note":"郵便で到着"})");
    ASSERT_EQ(arrived.status, 200) << arrived.body;
    EXPECT_EQ(arrived.json()->getValue<std::string>("original_state"), "arrived");
    EXPECT_EQ(arrived.json()->getObject("reconciliation")->getValue<std::string>("method"),
              "no_scan");
    EXPECT_EQ(clerk
                  .post("/api/v1/prescriptions/" + id + "/original",
                        R"({"version":2,"arrived_without_scan":true})")
                  .errorCode(),
              "illegal_transition");
    Response scanned = f.scanOriginal(clerk, id, 2, f.originalOf(rx));
    ASSERT_EQ(scanned.status, 200) << scanned.body;
    EXPECT_EQ(scanned.json()->getValue<std::string>("original_state"), "matched");
}

TEST(OriginalReconciliation, OnlyChannelsThatMailAnOriginalHaveOne) {
    OriginalsFixture f;
    TestClient clerk = f.server.loggedIn(f.clerk);
    Response counter =
        clerk.request("POST", "/api/v1/scans", f.faxOf(f.prescription("W1")), "image/tiff");
    ASSERT_EQ(counter.status, 201) << counter.body;
    std::string id = std::to_string(counter.json()->getValue<int>("id"));
    Response r = clerk.post("/api/v1/prescriptions/" + id + "/original",
                            R"({"version":1,"arrived_without_scan":true})");
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(r.errorCode(), "original_not_applicable");
    EXPECT_EQ(clerk
                  .post("/api/v1/prescriptions/99999/original",
                        R"({"version":1,"arrived_without_scan":true})")
                  .status,
              404);
    EXPECT_EQ(clerk
                  .request("POST", "/api/v1/prescriptions/" + id + "/original", f.blankFax(),
                           "image/tiff")
                  .errorCode(),
              "missing_field")
        << "a scan names the version it was taken against";
}

TEST(OriginalReconciliation, TwoStaffRecordingTheSameOriginalAtOnceGetOneSuccessAndOneConflict) {
    OriginalsFixture f;
    auto rx = f.prescription();
    std::string id = f.faxIn(rx);
    TestClient a = f.server.loggedIn(f.clerk);
    TestClient b = f.server.loggedIn(f.pharmacist);
    std::string tiff = f.originalOf(rx);
    auto scan = std::async(std::launch::async, [&] { return f.scanOriginal(a, id, 1, tiff); });
    auto mark = std::async(std::launch::async, [&] {
        return b.post("/api/v1/prescriptions/" + id + "/original",
                      R"({"version":1,"arrived_without_scan":true})");
    });
    std::vector<int> statuses{scan.get().status, mark.get().status};
    std::sort(statuses.begin(), statuses.end());
    EXPECT_EQ(statuses, (std::vector<int>{200, 409}));
    EXPECT_EQ(f.column("SELECT COUNT(*) FROM original_reconciliations"),
              std::vector<std::string>{"1"})
        << "nothing of the refused request is stored";
    EXPECT_EQ(
        f.column(
            "SELECT COUNT(*) FROM prescription_events WHERE action = 'original.record_arrival'"),
        std::vector<std::string>{"1"});
}
