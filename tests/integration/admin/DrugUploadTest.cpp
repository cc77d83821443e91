#include <gtest/gtest.h>

#include "integration/admin/AdminFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

const std::string kMaster = "/api/v1/drugs/master";
const std::string kSupplement = "/api/v1/drugs/supplement";

std::string nameOf(TestClient& client, const std::string& code) {
    Response r = client.get("/api/v1/drugs/" + code);
    return r.status == 200 ? r.json()->getValue<std::string>("name") : "";
}

}  // namespace

TEST(DrugUpload, AnAdminUploadsTheShiftJisMasterAndEveryCodeResolves) {
    AdminFixture f;
    MasterRow bad_code = drugs::kTestTablet;
    bad_code.claims_code = "12345";
    Response r = AdminFixture::upload(
        f.admin, kMaster + "?file_name=y_ALL20261101.csv",
        AdminFixture::masterFile({drugs::kAmlodipine, drugs::kMorphine, bad_code, drugs::kInsulin},
                                 {"0,Y,620000098,1,短い行"}));
    ASSERT_EQ(r.status, 200) << r.body;
    auto report = r.json();
    EXPECT_EQ(report->getValue<std::string>("data_set"), "claims_master");
    EXPECT_EQ(report->getValue<int>("accepted"), 3);
    EXPECT_EQ(report->getValue<int>("added"), 3);
    EXPECT_EQ(report->getValue<int>("rejected"), 2);
    EXPECT_FALSE(report->getValue<bool>("bad_lines_truncated"));
    auto bad = report->getArray("bad_lines");
    ASSERT_EQ(bad->size(), 2u);
    EXPECT_EQ(bad->getObject(0)->getValue<int>("line"), 3);
    EXPECT_EQ(bad->getObject(0)->getValue<std::string>("code"), "bad_claims_code");
    EXPECT_EQ(bad->getObject(1)->getValue<int>("line"), 5);
    EXPECT_FALSE(bad->getObject(1)->getValue<std::string>("reason").empty());

    // The running server's catalog follows at once, for the counter and for the admin.
    Response morphine = f.clerk.get("/api/v1/drugs/" + drugs::kMorphine.claims_code);
    ASSERT_EQ(morphine.status, 200) << morphine.body;
    EXPECT_EQ(morphine.json()->getValue<std::string>("control_class"), "narcotic");
    EXPECT_EQ(nameOf(f.admin, drugs::kInsulin.yj_code), drugs::kInsulin.name);
    EXPECT_EQ(f.intake.count("drug_master"), 3);
    EXPECT_EQ(f.audited("drugs.import_master", "ok"), 1);
    EXPECT_EQ(f.lastDetail("drugs.import_master"),
              "accepted=3 rejected=2 added=3 updated=0 removed=0");

    // A re-upload says what changed: one renamed, one kept, one new, two dropped.
    MasterRow renamed = drugs::kAmlodipine;
    renamed.name = "アムロジピンＯＤ錠５ｍｇ「テスト」";
    Response again = AdminFixture::upload(
        f.admin, kMaster, AdminFixture::masterFile({renamed, drugs::kInsulin, drugs::kZolpidem}));
    ASSERT_EQ(again.status, 200) << again.body;
    auto second = again.json();
    EXPECT_EQ(second->getValue<int>("accepted"), 3);
    EXPECT_EQ(second->getValue<int>("added"), 1);
    EXPECT_EQ(second->getValue<int>("updated"), 1);
    EXPECT_EQ(second->getValue<int>("unchanged"), 1);
    EXPECT_EQ(second->getValue<int>("removed"), 1);
    EXPECT_EQ(nameOf(f.clerk, renamed.claims_code), renamed.name);
    EXPECT_EQ(f.clerk.get("/api/v1/drugs/" + drugs::kMorphine.claims_code).status, 404);
}

TEST(DrugUpload, NamesAtMostAHundredBadLinesButCountsThemAll) {
    AdminFixture f;
    std::vector<std::string> broken(150, "0,Y,12345,1,壊れた行");
    Response r = AdminFixture::upload(f.admin, kMaster,
                                      AdminFixture::masterFile({drugs::kAmlodipine}, broken));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()->getValue<int>("accepted"), 1);
    EXPECT_EQ(r.json()->getValue<int>("rejected"), 150);
    EXPECT_EQ(r.json()->getArray("bad_lines")->size(), 100u);
    EXPECT_TRUE(r.json()->getValue<bool>("bad_lines_truncated"));
    EXPECT_EQ(r.json()->getArray("bad_lines")->getObject(99)->getValue<int>("line"), 101);
}

TEST(DrugUpload, AFileWithoutOneUsableLineIsRefusedAndTheMasterStays) {
    AdminFixture f;
    ASSERT_EQ(AdminFixture::upload(f.admin, kMaster,
                                   AdminFixture::masterFile({drugs::kAmlodipine, drugs::kMorphine}))
                  .status,
              200);
    struct Case {
        const char* what;
        std::string bytes;
    } cases[] = {
        {"empty", ""},
        {"a spreadsheet of something else", "氏名,住所\r\n山田,東京\r\n"},
        {"binary", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)},
        {"only broken drug lines", "0,Y,12345,1,壊れた行\r\n0,Y,ABCDEFGHI,1,壊れた行\r\n"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.what);
        Response r = AdminFixture::upload(f.admin, kMaster, c.bytes);
        EXPECT_EQ(r.status, 422) << r.body;
        EXPECT_EQ(r.errorCode(), "drug_master_empty");
        EXPECT_FALSE(r.json()->getObject("error")->getValue<std::string>("message").empty());
    }
    EXPECT_EQ(f.intake.count("drug_master"), 2);
    EXPECT_EQ(nameOf(f.clerk, drugs::kMorphine.claims_code), drugs::kMorphine.name);
    EXPECT_EQ(f.audited("drugs.import_master", "denied"), 4) << "refusals are audited";
    EXPECT_EQ(f.audited("drugs.import_master", "ok"), 1);

    // Not a CSV upload at all.
    Response json = AdminFixture::upload(f.admin, kMaster, "{}", "application/json");
    EXPECT_EQ(json.status, 415);
    EXPECT_EQ(json.errorCode(), "unsupported_media_type");
    EXPECT_EQ(AdminFixture::upload(f.admin, kMaster + "?file_name=%01.csv",
                                   AdminFixture::masterFile({drugs::kAmlodipine}))
                  .status,
              400);
    EXPECT_EQ(f.intake.count("drug_master"), 2);
}

TEST(DrugUpload, OnlyAdminsReplaceDrugData) {
    AdminFixture f;
    std::string master = AdminFixture::masterFile({drugs::kAmlodipine});
    std::string supplement =
        "コード,名称,保管\n" + drugs::kAmlodipine.claims_code + ",アムロジピン,冷所\n";
    for (TestClient* client : {&f.pharmacist, &f.clerk, &f.intake.clinic}) {
        EXPECT_EQ(AdminFixture::upload(*client, kMaster, master).status, 403);
        EXPECT_EQ(AdminFixture::upload(*client, kSupplement, supplement).status, 403);
    }
    TestClient anonymous = f.server.client();
    EXPECT_EQ(AdminFixture::upload(anonymous, kMaster, master).status, 401);
    EXPECT_EQ(f.intake.count("drug_master"), 0);
    EXPECT_EQ(f.audited("drugs.import_master"), 0);
}

TEST(DrugUpload, AnAdminUploadsTheSupplementAndAnUnusableOneChangesNothing) {
    AdminFixture f;
    ASSERT_EQ(AdminFixture::upload(f.admin, kMaster,
                                   AdminFixture::masterFile({drugs::kAmlodipine, drugs::kInsulin}))
                  .status,
              200);
    std::string supplement = "コード,名称,保管,遮光,劇薬\n" + drugs::kInsulin.yj_code +
                             ",インスリン,冷所,0,0\n" + drugs::kAmlodipine.claims_code +
                             ",アムロジピン,室温,1,0\n" + "123,短すぎるコード,冷所,0,0\n";
    Response r = AdminFixture::upload(f.admin, kSupplement + "?file_name=%E8%A3%9C%E8%B6%B3.csv",
                                      supplement);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()->getValue<std::string>("data_set"), "supplement");
    EXPECT_EQ(r.json()->getValue<int>("accepted"), 2);
    EXPECT_EQ(r.json()->getValue<int>("added"), 2);
    EXPECT_EQ(r.json()->getValue<int>("rejected"), 1);
    EXPECT_EQ(r.json()->getArray("bad_lines")->getObject(0)->getValue<int>("line"), 4);
    auto insulin = f.clerk.get("/api/v1/drugs/" + drugs::kInsulin.claims_code).json();
    EXPECT_EQ(insulin->getValue<std::string>("storage"), "cold");

    for (const std::string& unusable :
         {std::string("何か,別の,表\n1,2,3\n"), std::string("コード,名称,保管\n"),
          std::string("コード,名称,保管\n123,短すぎるコード,冷所\n")}) {
        Response refused = AdminFixture::upload(f.admin, kSupplement, unusable);
        EXPECT_EQ(refused.status, 422) << refused.body;
        EXPECT_EQ(refused.errorCode(), "supplement_unusable");
    }
    EXPECT_EQ(f.clerk.get("/api/v1/drugs/" + drugs::kInsulin.claims_code)
                  .json()
                  ->getValue<std::string>("storage"),
              "cold")
        << "the supplement is left as it was";
    EXPECT_EQ(f.audited("drugs.import_supplement", "denied"), 3);
}

TEST(DrugUpload, TheLatestImportOfEachDataSetIsShownToWhoeverReadsDrugData) {
    AdminFixture f;
    Response before = f.admin.get("/api/v1/drug-data");
    ASSERT_EQ(before.status, 200) << before.body;
    EXPECT_TRUE(before.json()->isNull("claims_master")) << before.body;
    EXPECT_TRUE(before.json()->isNull("supplement")) << before.body;

    ASSERT_EQ(AdminFixture::upload(f.admin, kMaster + "?file_name=y_ALL20261101.csv",
                                   AdminFixture::masterFile({drugs::kAmlodipine, drugs::kInsulin},
                                                            {"0,Y,620000098,1,短い行"}))
                  .status,
              200);
    Response after = f.pharmacist.get("/api/v1/drug-data");
    ASSERT_EQ(after.status, 200) << after.body;
    auto master = after.json()->getObject("claims_master");
    ASSERT_TRUE(master) << after.body;
    EXPECT_EQ(master->getValue<std::string>("source_name"), "y_ALL20261101.csv");
    EXPECT_EQ(master->getValue<int>("accepted"), 2);
    EXPECT_EQ(master->getValue<int>("rejected"), 1);
    EXPECT_FALSE(master->getValue<std::string>("imported_by").empty());
    EXPECT_FALSE(master->getValue<std::string>("imported_at").empty());
    EXPECT_TRUE(after.json()->isNull("supplement"));

    EXPECT_EQ(f.intake.clinic.get("/api/v1/drug-data").status, 403)
        << "clinics do not read drug data";
}
