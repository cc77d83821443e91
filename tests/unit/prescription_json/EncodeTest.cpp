#include <gtest/gtest.h>

#include "JsonTestSupport.h"
#include "prescription_json/PrescriptionJson.h"

namespace rxdesk::prescription_json {
namespace {

using namespace rxdesk::prescription;
using testing::fullPrescription;
using testing::kValidPrescriptionJson;
using testing::parseObject;
using testing::stringify;

TEST(PrescriptionJsonEncode, RoundTripsAFullPrescription) {
    const Prescription p = fullPrescription();
    EXPECT_EQ(decodePrescription(encodePrescription(p)), p);
}

TEST(PrescriptionJsonEncode, RoundTripsThroughJsonText) {
    const Prescription p = fullPrescription();
    const std::string text = stringify(encodePrescription(p));
    EXPECT_EQ(decodePrescription(*parseObject(text)), p);
}

TEST(PrescriptionJsonEncode, RoundTripsTheClinicExample) {
    const Prescription p = decodePrescription(*parseObject(kValidPrescriptionJson));
    EXPECT_EQ(decodePrescription(*parseObject(stringify(encodePrescription(p)))), p);
}

TEST(PrescriptionJsonEncode, WritesTheDocumentedShape) {
    const auto o = parseObject(stringify(encodePrescription(fullPrescription())));

    const auto patient = o->getObject("patient");
    EXPECT_EQ(patient->getValue<std::string>("name_kanji"), "日薬 太郎");
    EXPECT_EQ(patient->getValue<std::string>("sex"), "male");
    EXPECT_EQ(patient->getValue<std::string>("birth_date"), "1960-06-06");
    EXPECT_EQ(o->getObject("prescriber")->getValue<std::string>("department"), "第一内科");
    EXPECT_FALSE(o->getObject("institution")->has("department"));
    EXPECT_EQ(o->getValue<std::string>("issue_date"), "2026-11-20");
    EXPECT_EQ(o->getObject("online")->getValue<bool>("initial_visit"), true);

    const auto rps = o->getArray("rps");
    EXPECT_EQ(rps->getObject(0)->getValue<std::string>("form"), "oral");
    EXPECT_EQ(rps->getObject(0)->getValue<int>("days"), 14);
    EXPECT_FALSE(rps->getObject(0)->has("quantity"));
    EXPECT_EQ(rps->getObject(1)->getValue<std::string>("form"), "external");
    EXPECT_EQ(rps->getObject(1)->getValue<int>("quantity"), 1);
    EXPECT_FALSE(rps->getObject(1)->has("days"));

    const auto item = rps->getObject(0)->getArray("items")->getObject(0);
    EXPECT_EQ(item->getValue<std::string>("code_system"), "claims");
    EXPECT_TRUE(item->get("amount").isString());  // "4", as written
    EXPECT_EQ(item->getValue<std::string>("amount"), "4");
    const auto doses = item->getObject("uneven")->getArray("doses");
    ASSERT_EQ(doses->size(), 2u);  // trailing empty slots are left out
    EXPECT_EQ(doses->getElement<std::string>(1), "0.5");
    EXPECT_EQ(
        rps->getObject(1)->getArray("items")->getObject(0)->getValue<std::string>("code_system"),
        "none");
}

TEST(PrescriptionJsonEncode, LeavesOutWhatIsNotKnown) {
    const auto o = parseObject(stringify(encodePrescription(Prescription{})));
    EXPECT_EQ(o->getObject("patient")->size(), 0u);
    EXPECT_FALSE(o->has("insurance"));
    EXPECT_FALSE(o->has("issue_date"));
    EXPECT_FALSE(o->has("narcotic"));
    EXPECT_FALSE(o->has("online"));
    EXPECT_FALSE(o->has("remarks"));
    EXPECT_EQ(o->getArray("rps")->size(), 0u);
}

TEST(PrescriptionJsonEncode, SummarisesForLists) {
    const auto o = parseObject(stringify(encodeSummary(fullPrescription())));
    EXPECT_EQ(o->getValue<std::string>("patient_name"), "日薬 太郎");
    EXPECT_EQ(o->getValue<std::string>("patient_name_kana"), "ﾆﾁﾔｸ ﾀﾛｳ");
    EXPECT_EQ(o->getValue<std::string>("birth_date"), "1960-06-06");
    EXPECT_EQ(o->getValue<std::string>("institution_name"), "医療法人 工業会病院");
    EXPECT_EQ(o->getValue<std::string>("institution_code"), "1234567");
    EXPECT_EQ(o->getValue<std::string>("issue_date"), "2026-11-20");
    EXPECT_EQ(o->getValue<int>("rp_count"), 2);
    EXPECT_EQ(o->getValue<int>("item_count"), 2);
    EXPECT_FALSE(o->has("rps"));
}

TEST(PrescriptionJsonEncode, SummaryFallsBackToKanaAndOmitsUnknowns) {
    Prescription p;
    p.patient.kana = "ﾆﾁﾔｸ ﾀﾛｳ";
    const auto o = parseObject(stringify(encodeSummary(p)));
    EXPECT_EQ(o->getValue<std::string>("patient_name"), "ﾆﾁﾔｸ ﾀﾛｳ");
    EXPECT_FALSE(o->has("birth_date"));
    EXPECT_FALSE(o->has("issue_date"));
    EXPECT_EQ(o->getValue<int>("item_count"), 0);
}

}  // namespace
}  // namespace rxdesk::prescription_json
