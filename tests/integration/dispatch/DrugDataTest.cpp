#include <gtest/gtest.h>

#include "integration/dispatch/DispatchFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

TEST(DrugData, ShiftJisMasterWithBrokenLinesImportsTheRestAndNamesTheLines) {
    DispatchFixture f;
    MasterRow bad_code = drugs::kTestTablet;
    bad_code.claims_code = "12345";
    MasterRow bad_class = drugs::kTestTablet;
    bad_class.claims_code = "620000099";
    bad_class.control = 4;
    auto report = f.importMaster(
        {drugs::kAmlodipine, drugs::kMorphine, bad_code, drugs::kZolpidem, bad_class},
        {"0,Y,620000098,1,短い行", masterLine(drugs::kInsulin)});
    EXPECT_EQ(report->getValue<int>("accepted"), 4);
    EXPECT_EQ(report->getValue<int>("rejected"), 3);
    auto bad = report->getArray("bad_lines");
    ASSERT_EQ(bad->size(), 3u);
    EXPECT_EQ(bad->getObject(0)->getValue<int>("line"), 3);
    EXPECT_EQ(bad->getObject(0)->getValue<std::string>("code"), "bad_claims_code");
    EXPECT_EQ(bad->getObject(1)->getValue<int>("line"), 5);
    EXPECT_EQ(bad->getObject(1)->getValue<std::string>("code"), "bad_control_class");
    EXPECT_EQ(bad->getObject(2)->getValue<int>("line"), 6);
    EXPECT_EQ(bad->getObject(2)->getValue<std::string>("code"), "too_few_columns");

    // The running server sees the import made by the command line, by every code system.
    Response morphine = f.clerk.get("/api/v1/drugs/" + drugs::kMorphine.claims_code);
    ASSERT_EQ(morphine.status, 200) << morphine.body;
    EXPECT_EQ(morphine.json()->getValue<std::string>("name"), drugs::kMorphine.name);
    EXPECT_EQ(morphine.json()->getValue<std::string>("control_class"), "narcotic");
    EXPECT_EQ(f.clerk.get("/api/v1/drugs/" + drugs::kInsulin.yj_code)
                  .json()
                  ->getValue<std::string>("claims_code"),
              drugs::kInsulin.claims_code);
    EXPECT_EQ(f.clerk.get("/api/v1/drugs/620000099").status, 404);

    // A re-import replaces in place: a renamed drug is renamed, a dropped one is gone.
    MasterRow renamed = drugs::kAmlodipine;
    renamed.name = "アムロジピンＯＤ錠５ｍｇ「テスト」";
    auto again = f.importMaster({renamed, drugs::kZolpidem});
    EXPECT_EQ(again->getValue<int>("accepted"), 2);
    EXPECT_EQ(
        f.clerk.get("/api/v1/drugs/" + renamed.claims_code).json()->getValue<std::string>("name"),
        renamed.name);
    EXPECT_EQ(f.clerk.get("/api/v1/drugs/" + drugs::kMorphine.claims_code).status, 404);
    EXPECT_EQ(f.intake.count("drug_master"), 2);
}

TEST(DrugData, AFileWithoutOneUsableLineLeavesTheMasterAlone) {
    DispatchFixture f;
    f.importMaster({drugs::kAmlodipine});
    auto [code, out] = f.cli({"drugs", "import", f.writeFile("empty.csv", "not,a,master\r\n")});
    EXPECT_EQ(code, 2);
    EXPECT_EQ(f.intake.count("drug_master"), 1);
}

namespace {

// The findings as the counter sees them (the clinic's answer carries none).
std::vector<std::string> findingsOf(DispatchFixture& f, const Poco::JSON::Object::Ptr& submitted) {
    auto view = f.pharmacist.get("/api/v1/prescriptions/" + std::to_string(submitted->getValue<std::int64_t>("id")));
    return IntakeFixture::findingCodes(view.json());
}

}  // namespace

TEST(DrugData, FindingsFollowTheMasterOnceItSaysADrugIsANarcotic) {
    DispatchFixture f;
    auto rx = f.prescriptionWith({DispatchFixture::item(drugs::kTestTablet)}, "RX-0100");
    rx.narcotic.reset();
    auto before = f.submit(rx);
    EXPECT_FALSE(
        IntakeFixture::has(findingsOf(f, before), "rx_narcotic_licence_missing"));

    MasterRow narcotic = drugs::kTestTablet;
    narcotic.control = 1;
    f.importMaster({narcotic});
    rx.prescription_number = "RX-0101";
    auto after = f.submit(rx);
    EXPECT_TRUE(
        IntakeFixture::has(findingsOf(f, after), "rx_narcotic_licence_missing"))
        << "the classifier reads the imported master";

    // The master is authoritative for drugs it lists: a keyword cannot make one a narcotic.
    auto named = f.prescriptionWith({DispatchFixture::item(drugs::kTestTablet)}, "RX-0102");
    named.narcotic.reset();
    named.rps[0].items[0].name = "モルヒネ風の名前の錠剤";
    narcotic.control = 0;
    f.importMaster({narcotic});
    EXPECT_FALSE(IntakeFixture::has(findingsOf(f, f.submit(named)),
                                    "rx_narcotic_licence_missing"));
    // A drug not in the master still falls back to the keyword table.
    auto unknown = f.prescriptionWith({DispatchFixture::item(drugs::kMorphine)}, "RX-0103");
    unknown.narcotic.reset();
    EXPECT_TRUE(IntakeFixture::has(findingsOf(f, f.submit(unknown)),
                                   "rx_narcotic_licence_missing"));
}

TEST(DrugData, APharmacistEditsTheSupplementOverTheApi) {
    DispatchFixture f;
    f.importStandardDrugData();
    std::string path = "/api/v1/drugs/" + drugs::kAmlodipine.claims_code + "/supplement";
    std::string body =
        R"({"storage":"cold","protect_from_light":true,"high_risk":true,"misuse":"diuretic","hot_codes":["1111111"],"note":"試験"})";
    EXPECT_EQ(f.clerk.request("PUT", path, body).status, 403);
    EXPECT_EQ(f.courier.get("/api/v1/drugs/" + drugs::kAmlodipine.claims_code).status, 403);
    Response put = f.pharmacist.request("PUT", path, body);
    ASSERT_EQ(put.status, 200) << put.body;
    auto drug = f.clerk.get("/api/v1/drugs/" + drugs::kAmlodipine.claims_code).json();
    EXPECT_EQ(drug->getValue<std::string>("storage"), "cold");
    EXPECT_TRUE(drug->getValue<bool>("protect_from_light"));
    EXPECT_EQ(drug->getValue<std::string>("misuse"), "diuretic");
    EXPECT_EQ(drug->getObject("supplement")->getValue<std::string>("note"), "試験");
    auto classes = DispatchFixture::strings(drug->getArray("handling_classes"));
    EXPECT_TRUE(DispatchFixture::contains(classes, "cold"));
    // The HOT code of the edit resolves too.
    EXPECT_EQ(f.clerk.get("/api/v1/drugs/1111111").json()->getValue<std::string>("claims_code"),
              drugs::kAmlodipine.claims_code);
    EXPECT_EQ(f.pharmacist.request("PUT", "/api/v1/drugs/12/supplement", body).status, 400);
    EXPECT_EQ(f.pharmacist.request("PUT", path, R"({"storage":"warm"})").status, 400);
}
