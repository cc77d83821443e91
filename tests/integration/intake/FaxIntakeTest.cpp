#include <gtest/gtest.h>

#include "http/RequestContext.h"
#include "integration/intake/IntakeFixture.h"
#include "prescription_json/PrescriptionJson.h"

using namespace rxdesk;
using namespace rxdesk::testing;

TEST(FaxIntake, AFaxWithAQrCodeIsQueuedWithItsContentPagesAndFindings) {
    IntakeFixture f;
    Response sent = f.sendFax(f.faxOf(f.prescription()));
    ASSERT_EQ(sent.status, 201) << sent.body;
    auto id = sent.json()->getValue<std::int64_t>("id");
    EXPECT_TRUE(sent.json()->getValue<bool>("qr_read"));
    EXPECT_EQ(sent.json()->has("patient_name"), false) << "the gateway sees no patient data";

    TestClient staff = f.server.loggedIn(f.clerk);
    Response got = staff.get("/api/v1/prescriptions/" + std::to_string(id));
    ASSERT_EQ(got.status, 200) << got.body;
    auto view = got.json();
    EXPECT_EQ(view->getValue<std::string>("channel"), "fax");
    EXPECT_EQ(view->getValue<std::string>("status"), "received");
    EXPECT_EQ(view->getValue<std::string>("original_state"), "awaiting");
    EXPECT_EQ(view->getValue<std::string>("patient_name"), "日薬 太郎");
    EXPECT_EQ(view->getObject("prescription")->getObject("patient")->getValue<std::string>("name_kanji"),
              "日薬 太郎");
    auto codes = IntakeFixture::findingCodes(view);
    EXPECT_TRUE(IntakeFixture::has(codes, "fax_sender_unknown"));
    EXPECT_FALSE(IntakeFixture::has(codes, "manual_entry_required"));

    auto pages = view->getArray("pages");
    ASSERT_EQ(pages->size(), 1u);
    Response preview = staff.get(pages->getObject(0)->getValue<std::string>("preview_url"));
    EXPECT_EQ(preview.status, 200);
    EXPECT_EQ(preview.header("Content-Type"), "image/png");
    EXPECT_EQ(preview.body.substr(1, 3), "PNG");
}

TEST(FaxIntake, AFaxFromARegisteredClinicNumberIsNotFlagged) {
    IntakeFixture f;
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    ASSERT_EQ(pharmacist.post("/api/v1/clinics", R"({"institution_code":"1311234567","name":"工業会病院","fax_numbers":["03-1111-2222"]})").status, 201);
    Response sent = f.sendFax(f.faxOf(f.prescription()));
    ASSERT_EQ(sent.status, 201);
    auto view = pharmacist.get("/api/v1/prescriptions/" + std::to_string(sent.json()->getValue<int>("id"))).json();
    EXPECT_FALSE(IntakeFixture::has(IntakeFixture::findingCodes(view), "fax_sender_unknown"));
    EXPECT_TRUE(view->has("clinic_id"));
}

TEST(FaxIntake, AFaxWithoutAReadableQrWaitsForManualEntry) {
    IntakeFixture f;
    Response sent = f.sendFax(f.blankFax());
    ASSERT_EQ(sent.status, 201) << sent.body;
    EXPECT_FALSE(sent.json()->getValue<bool>("qr_read"));
    auto id = std::to_string(sent.json()->getValue<int>("id"));
    TestClient clerk = f.server.loggedIn(f.clerk);
    auto view = clerk.get("/api/v1/prescriptions/" + id).json();
    EXPECT_TRUE(view->getValue<bool>("needs_entry"));
    EXPECT_TRUE(IntakeFixture::has(IntakeFixture::findingCodes(view), "manual_entry_required"));

    // The clerk types it in from the image; the checks run on what was entered.
    Poco::JSON::Object body;
    body.set("version", view->getValue<int>("version"));
    body.set("prescription", prescription_json::encodePrescription(f.prescription()));
    Response entered = clerk.request("PUT", "/api/v1/prescriptions/" + id + "/content", http::toJson(body));
    ASSERT_EQ(entered.status, 200) << entered.body;
    auto after = entered.json();
    EXPECT_FALSE(after->getValue<bool>("needs_entry"));
    EXPECT_FALSE(IntakeFixture::has(IntakeFixture::findingCodes(after), "manual_entry_required"));
    EXPECT_EQ(after->getValue<std::string>("patient_name"), "日薬 太郎");
}

TEST(FaxIntake, TheSameFaxSentTwiceIsLinkedAndCountedOnce) {
    IntakeFixture f;
    std::string fax = f.faxOf(f.prescription());
    auto first = f.sendFax(fax).json()->getValue<int>("id");
    auto second = f.sendFax(fax).json()->getValue<int>("id");
    EXPECT_NE(first, second);
    TestClient clerk = f.server.loggedIn(f.clerk);
    auto view = clerk.get("/api/v1/prescriptions/" + std::to_string(second)).json();
    EXPECT_EQ(view->getValue<int>("duplicate_of"), first);
    EXPECT_TRUE(IntakeFixture::has(IntakeFixture::findingCodes(view), "duplicate_of"));
    auto queue = clerk.get("/api/v1/prescriptions").json()->getArray("prescriptions");
    ASSERT_EQ(queue->size(), 1u) << "never double-counted";
    EXPECT_EQ(queue->getObject(0)->getValue<int>("id"), first);
    EXPECT_EQ(clerk.get("/api/v1/prescriptions?include_duplicates=true").json()->getArray("prescriptions")->size(), 2u);
}

TEST(FaxIntake, ACounterScanHasNoOriginalToWaitFor) {
    IntakeFixture f;
    TestClient clerk = f.server.loggedIn(f.clerk);
    Response scanned = clerk.request("POST", "/api/v1/scans", f.faxOf(f.prescription()), "image/tiff");
    ASSERT_EQ(scanned.status, 201) << scanned.body;
    EXPECT_EQ(scanned.json()->getValue<std::string>("channel"), "counter");
    EXPECT_FALSE(scanned.json()->has("original_state"));
}
