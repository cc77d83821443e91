#include <gtest/gtest.h>

#include "http/RequestContext.h"
#include "integration/originals/OriginalsFixture.h"
#include "prescription_json/PrescriptionJson.h"
#include "unit/reports/PdfTestTools.h"

using namespace rxdesk;
using namespace rxdesk::testing;

TEST(OriginalChase, TheCoverLetterListsMissingOriginalsByInitialsOnlyAndRecordsTheChase) {
    OriginalsFixture f;
    f.setDay(OriginalsFixture::day(2026, 3, 2));
    std::string clinic = f.registerClinic();
    f.dispense(f.faxIn(f.prescription("CH-1")));
    f.dispense(f.faxIn(f.prescription("CH-2")));
    f.faxIn(f.prescription("CH-NOT-YET"));  // not dispensed: not chased
    f.setDay(OriginalsFixture::day(2026, 3, 16));

    TestClient clerk = f.server.loggedIn(f.clerk);
    Response pdf = clerk.post("/api/v1/originals/chase", "{\"clinic_id\":" + clinic + "}");
    ASSERT_EQ(pdf.status, 200) << pdf.body;
    EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");
    EXPECT_EQ(pdf.header("X-Originals-Count"), "2");
    testutil::PdfFile file(pdf.body);
    EXPECT_EQ(file.pageCount(), 1);
    auto [width, height] = file.pageSize();
    EXPECT_NEAR(width, 595, 2);  // A4 portrait
    EXPECT_NEAR(height, 842, 2);
    std::string text = file.text();
    EXPECT_NE(text.find("処方箋原本ご送付のお願い"), std::string::npos) << text;
    EXPECT_NE(text.find("医療法人 工業会病院"), std::string::npos) << text;
    EXPECT_NE(text.find("N.T."), std::string::npos) << "initials of ﾆﾁﾔｸ ﾀﾛｳ:\n" << text;
    EXPECT_NE(text.find("CH-1"), std::string::npos);
    EXPECT_NE(text.find("CH-2"), std::string::npos);
    EXPECT_NE(text.find("2026年3月2日"), std::string::npos) << "issue date";
    EXPECT_NE(text.find("期限超過"), std::string::npos);
    EXPECT_EQ(text.find("CH-NOT-YET"), std::string::npos);
    for (const char* personal :
         {"日薬", "太郎", "ﾆﾁﾔｸ", "ニチヤク", "1960", "06012345", "ノルバスク"})
        EXPECT_EQ(text.find(personal), std::string::npos)
            << personal << " must not leave the pharmacy";

    auto list = clerk.get("/api/v1/originals/outstanding").json()->getArray("originals");
    ASSERT_GT(list->size(), 0u);
    EXPECT_EQ(list->getObject(0)->getValue<std::string>("last_chased_at"),
              formatIso8601(f.server.clock().now()));
    EXPECT_EQ(f.column("SELECT originals FROM original_chases"), std::vector<std::string>{"2"});
    EXPECT_EQ(f.column("SELECT COUNT(*) FROM audit_log WHERE action = 'original.chase'"),
              std::vector<std::string>{"2"});

    EXPECT_EQ(clerk.post("/api/v1/originals/chase", R"({"clinic_id":999})").status, 404);
}

TEST(OriginalChase, NothingToChaseIsSaidPlainly) {
    OriginalsFixture f;
    std::string clinic = f.registerClinic();
    TestClient clerk = f.server.loggedIn(f.clerk);
    Response r = clerk.post("/api/v1/originals/chase", "{\"clinic_id\":" + clinic + "}");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(r.errorCode(), "no_missing_originals");
    EXPECT_EQ(f.count("original_chases"), 0);
}

TEST(ClinicAwaitingOriginals, AClinicSeesOnlyItsOwnAwaitedOriginals) {
    OriginalsFixture f;
    std::string faxed = f.faxIn(f.prescription("OWN-FAX"));  // institution 1311234567 by fax
    auto pushed = f.prescription("OWN-API");
    Poco::JSON::Object body;
    body.set("client_reference", "ref-1");
    body.set("prescription", prescription_json::encodePrescription(pushed));
    Response push = f.clinic.post("/api/v1/prescriptions", http::toJson(body));
    ASSERT_EQ(push.status, 201) << push.body;

    TestClient other = f.server.apiClient(auth::ClientKind::Clinic, "1319999999");
    auto theirs = f.prescription("THEIRS");
    theirs.institution.code = "9999999";
    Poco::JSON::Object their_body;
    their_body.set("client_reference", "ref-1");
    their_body.set("prescription", prescription_json::encodePrescription(theirs));
    ASSERT_EQ(other.post("/api/v1/prescriptions", http::toJson(their_body)).status, 201);

    auto numbers = [](TestClient& c) {
        Response r = c.get("/api/v1/originals/awaiting");
        EXPECT_EQ(r.status, 200) << r.body;
        std::vector<std::string> out;
        auto list = r.json()->getArray("originals");
        for (size_t i = 0; i < list->size(); ++i) {
            auto entry = list->getObject(i);
            out.push_back(entry->getValue<std::string>("prescription_number"));
            EXPECT_FALSE(entry->has("patient_name"));
            EXPECT_EQ(entry->getValue<std::string>("patient_initials"), "N.T.");
        }
        std::sort(out.begin(), out.end());
        return out;
    };
    EXPECT_EQ(numbers(f.clinic), (std::vector<std::string>{"OWN-API", "OWN-FAX"}));
    EXPECT_EQ(numbers(other), std::vector<std::string>{"THEIRS"});

    TestClient clerk = f.server.loggedIn(f.clerk);
    ASSERT_EQ(clerk
                  .post("/api/v1/prescriptions/" + faxed + "/original",
                        R"({"version":1,"arrived_without_scan":true})")
                  .status,
              200);
    EXPECT_EQ(numbers(f.clinic), std::vector<std::string>{"OWN-API"})
        << "arrived originals are no longer awaited";
    EXPECT_EQ(clerk.get("/api/v1/originals/awaiting").status, 403)
        << "a clinic's view, not staff's";
}
