#include <gtest/gtest.h>

#include "integration/originals/OriginalsFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

TEST(OrphanOriginals, AnOriginalWithoutIdIsMatchedByContentToItsAwaitingPrescription) {
    OriginalsFixture f;
    auto rx = f.prescription("M-100");
    f.faxIn(f.prescription("M-099"));
    std::string id = f.faxIn(rx);
    TestClient clerk = f.server.loggedIn(f.clerk);
    Response r = clerk.request("POST", "/api/v1/originals", f.originalOf(rx), "image/tiff");
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json()->getValue<std::string>("outcome"), "attached");
    auto original = r.json()->getObject("original");
    EXPECT_EQ(original->getValue<std::string>("prescription_id"), id);
    EXPECT_EQ(original->getValue<std::string>("original_state"), "matched");
    EXPECT_EQ(clerk.get("/api/v1/originals/orphans").json()->getArray("orphans")->size(), 0u);
}

TEST(OrphanOriginals, WithoutAPrintedNumberThePatientInstitutionAndIssueDateMatch) {
    OriginalsFixture f;
    auto rx = f.prescription("");
    std::string id = f.faxIn(rx);
    auto original = rx;
    original.rps[0].quantity = 7;  // a changed item changes the content key, not the patient match
    TestClient clerk = f.server.loggedIn(f.clerk);
    Response r = clerk.request("POST", "/api/v1/originals", f.originalOf(original), "image/tiff");
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json()->getValue<std::string>("outcome"), "attached");
    EXPECT_EQ(r.json()->getObject("original")->getValue<std::string>("prescription_id"), id);
    EXPECT_EQ(r.json()->getObject("original")->getValue<std::string>("original_state"),
              "mismatched");
}

TEST(OrphanOriginals, AnUnknownOriginalIsHeldUntilAPharmacistAttachesIt) {
    OriginalsFixture f;
    auto rx = f.prescription("H-1");
    TestClient clerk = f.server.loggedIn(f.clerk);
    Response held = clerk.request("POST", "/api/v1/originals", f.originalOf(rx), "image/tiff");
    ASSERT_EQ(held.status, 201) << held.body;
    EXPECT_EQ(held.json()->getValue<std::string>("outcome"), "held");
    auto orphan = held.json()->getObject("orphan");
    EXPECT_EQ(orphan->getValue<std::string>("hold_reason"), "no_match");
    std::string orphan_id = std::to_string(orphan->getValue<int>("id"));

    Response unreadable = clerk.request("POST", "/api/v1/originals", f.blankFax(), "image/tiff");
    EXPECT_EQ(unreadable.json()->getObject("orphan")->getValue<std::string>("hold_reason"),
              "unreadable");

    auto list = clerk.get("/api/v1/originals/orphans").json()->getArray("orphans");
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ(list->getObject(0)->getValue<std::string>("prescription_number"), "H-1");
    EXPECT_EQ(clerk.get("/api/v1/originals/orphans/" + orphan_id + "/pages/1/preview").status, 200);
    EXPECT_EQ(clerk.get("/api/v1/originals/orphans/" + orphan_id + "/pages/9").status, 404);

    // The fax reaches the pharmacy later (it went elsewhere first): a pharmacist attaches.
    std::string id = f.faxIn(rx);
    std::string attach = "/api/v1/originals/orphans/" + orphan_id + "/attach";
    std::string body = "{\"prescription_id\":" + id + ",\"version\":1}";
    EXPECT_EQ(clerk.post(attach, body).status, 403);
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    Response attached = pharmacist.post(attach, body);
    ASSERT_EQ(attached.status, 200) << attached.body;
    EXPECT_EQ(attached.json()->getValue<std::string>("original_state"), "matched");
    EXPECT_EQ(pharmacist.post(attach, body).errorCode(), "orphan_attached");
    EXPECT_EQ(pharmacist.get("/api/v1/originals/orphans").json()->getArray("orphans")->size(), 1u);
    auto pages = pharmacist.get("/api/v1/prescriptions/" + id).json()->getArray("pages");
    EXPECT_EQ(pages->size(), 2u) << "fax and original kept together";
}

TEST(OrphanOriginals, TwoAwaitingCandidatesAreNotGuessedBetween) {
    OriginalsFixture f;
    auto rx = f.prescription("");
    f.faxIn(rx);
    auto other = rx;
    other.rps[0].items[0].amount = "2";  // another content key: not a duplicate of the first
    f.faxIn(other);
    auto original = rx;
    original.rps[0].items[0].amount = "3";  // matches neither by content, both by patient
    TestClient clerk = f.server.loggedIn(f.clerk);
    Response r = clerk.request("POST", "/api/v1/originals", f.originalOf(original), "image/tiff");
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json()->getValue<std::string>("outcome"), "held");
    EXPECT_EQ(r.json()->getObject("orphan")->getValue<std::string>("hold_reason"), "ambiguous");
}
