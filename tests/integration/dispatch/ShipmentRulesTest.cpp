#include <gtest/gtest.h>

#include "integration/dispatch/DispatchFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;
using prescription::DrugCodeSystem;

namespace {

std::int64_t prescriptionOf(DispatchFixture& f, const std::vector<prescription::DrugItem>& items) {
    static int n = 0;
    return f.submit(f.prescriptionWith(items, "RX-R" + std::to_string(++n)))
        ->getValue<std::int64_t>("id");
}

Poco::JSON::Object::Ptr onlyParcel(const Response& r) {
    auto parcels = r.json()->getObject("shipment")->getArray("parcels");
    EXPECT_EQ(parcels->size(), 1u);
    return parcels->getObject(0);
}

}  // namespace

TEST(ShipmentRules, NarcoticsGoOnlyByStaffOrPickupWithIdentityCheckAndSignature) {
    DispatchFixture f;
    f.importStandardDrugData();
    auto id = prescriptionOf(f, {DispatchFixture::item(drugs::kMorphine)});
    for (const char* method : {"carrier_normal", "carrier"}) {
        Response refused = f.ship(id, method);
        ASSERT_EQ(refused.status, 422) << refused.body;
        auto error = refused.json()->getObject("error");
        EXPECT_EQ(error->getValue<std::string>("code"), "delivery_method_refused");
        EXPECT_EQ(error->getValue<std::string>("rule_id"), "NARC-METHOD");
        EXPECT_NE(error->getValue<std::string>("message").find("麻薬"), std::string::npos);
        auto allowed = DispatchFixture::strings(
            refused.json()->getObject("plan")->getArray("parcels")->getObject(0)->getArray(
                "allowed_methods"));
        EXPECT_EQ(allowed, (std::vector<std::string>{"staff_hand_delivery", "patient_pickup"}));
    }
    EXPECT_EQ(f.intake.count("shipments"), 0) << "a refused plan stores nothing";

    Response staff = f.ship(id, "staff_hand_delivery");
    ASSERT_EQ(staff.status, 201) << staff.body;
    auto parcel = onlyParcel(staff);
    EXPECT_TRUE(parcel->getObject("requires")->getValue<bool>("signature"));
    EXPECT_TRUE(parcel->getObject("requires")->getValue<bool>("identity_check"));
    auto marks = DispatchFixture::strings(parcel->getArray("marks"), "mark");
    EXPECT_TRUE(DispatchFixture::contains(marks, "recipient_only"));
    EXPECT_TRUE(DispatchFixture::contains(marks, "no_leave_at_door"));
    std::string number = parcel->getValue<std::string>("parcel_number");
    EXPECT_EQ(number.size(), 12u);
    EXPECT_EQ(f.ship(id, "patient_pickup").status, 201);
}

TEST(ShipmentRules, PsychotropicsMayGoByCarrierButNeverLeftAtTheDoor) {
    DispatchFixture f;
    f.importStandardDrugData();
    // Named by its HOT code (13 digits), which the supplement maps to the claims code.
    auto id = prescriptionOf(
        f, {DispatchFixture::item(drugs::kZolpidem, DrugCodeSystem::Hot, "1234567010101")});
    Response r = f.ship(id, "carrier_normal");
    ASSERT_EQ(r.status, 201) << r.body;
    auto parcel = onlyParcel(r);
    EXPECT_EQ(parcel->getValue<std::string>("method"), "carrier_normal");
    EXPECT_TRUE(parcel->getObject("requires")->getValue<bool>("signature"));
    auto marks = DispatchFixture::strings(parcel->getArray("marks"), "mark");
    EXPECT_TRUE(DispatchFixture::contains(marks, "no_leave_at_door"));
    auto notes = DispatchFixture::strings(parcel->getArray("notes"), "rule_id");
    EXPECT_TRUE(DispatchFixture::contains(notes, "PSY-SIGN"));
}

TEST(ShipmentRules, ChilledInsulinTravelsChilledWithAColdPackNote) {
    DispatchFixture f;
    f.importStandardDrugData();
    auto id = prescriptionOf(f, {DispatchFixture::item(drugs::kInsulin, DrugCodeSystem::Yj)});
    Response normal = f.ship(id, "carrier_normal");
    ASSERT_EQ(normal.status, 422) << normal.body;
    EXPECT_EQ(normal.json()->getObject("error")->getValue<std::string>("rule_id"), "COLD-CARRIER");

    Response chilled = f.ship(id, "carrier_chilled");
    ASSERT_EQ(chilled.status, 201) << chilled.body;
    auto parcel = onlyParcel(chilled);
    EXPECT_EQ(parcel->getValue<std::string>("temperature"), "chilled");
    auto notes = DispatchFixture::strings(parcel->getArray("notes"), "text");
    EXPECT_TRUE(DispatchFixture::contains(notes, "要冷蔵 保冷剤同梱"));
    EXPECT_TRUE(DispatchFixture::contains(
        DispatchFixture::strings(parcel->getArray("marks"), "mark"), "refrigerated"));

    // With a room-temperature drug too: two parcels, each by the carrier service of its
    // temperature when the counter asks for "carrier".
    auto mixed = prescriptionOf(f, {DispatchFixture::item(drugs::kAmlodipine),
                                    DispatchFixture::item(drugs::kInsulin, DrugCodeSystem::Yj)});
    Response both = f.ship(mixed, "carrier");
    ASSERT_EQ(both.status, 201) << both.body;
    auto parcels = both.json()->getObject("shipment")->getArray("parcels");
    ASSERT_EQ(parcels->size(), 2u);
    EXPECT_EQ(parcels->getObject(0)->getValue<std::string>("method"), "carrier_normal");
    EXPECT_EQ(parcels->getObject(1)->getValue<std::string>("method"), "carrier_chilled");
    EXPECT_EQ(f.ship(mixed, "carrier_chilled")
                  .json()
                  ->getObject("error")
                  ->getValue<std::string>("rule_id"),
              "ROOM-CARRIER")
        << "temperature classes never share a parcel, and room parcels do not travel chilled";
}

TEST(ShipmentRules, EmergencyContraceptionIsOnlyPickedUp) {
    DispatchFixture f;
    f.importStandardDrugData();
    auto id = prescriptionOf(f, {DispatchFixture::item(drugs::kLevonorgestrel)});
    for (const char* method : {"carrier_normal", "staff_hand_delivery"}) {
        Response r = f.ship(id, method);
        ASSERT_EQ(r.status, 422) << method << ": " << r.body;
        EXPECT_EQ(r.json()->getObject("error")->getValue<std::string>("rule_id"), "EC-METHOD");
    }
    Response pickup = f.ship(id, "patient_pickup");
    ASSERT_EQ(pickup.status, 201) << pickup.body;
    EXPECT_TRUE(onlyParcel(pickup)->getObject("requires")->getValue<bool>("identity_check"));
}

TEST(ShipmentRules, ADestinationAbroadIsRefusedWhateverTheMethod) {
    DispatchFixture f;
    f.importStandardDrugData();
    auto id = prescriptionOf(f, {DispatchFixture::item(drugs::kAmlodipine)});
    Response r = f.ship(id, "carrier_normal", "", "US");
    ASSERT_EQ(r.status, 422) << r.body;
    auto error = r.json()->getObject("error");
    EXPECT_EQ(error->getValue<std::string>("code"), "shipment_refused");
    EXPECT_EQ(error->getValue<std::string>("rule_id"), "DEST-ABROAD");
    EXPECT_EQ(error->getValue<std::string>("message"), "海外への発送はできません");
    EXPECT_EQ(f.ship(id, "carrier_normal").status, 201);
}

TEST(ShipmentRules, BadRequestsAreNamedAndDryRunsStoreNothing) {
    DispatchFixture f;
    auto id = prescriptionOf(f, {DispatchFixture::item(drugs::kAmlodipine)});
    EXPECT_EQ(f.ship(id, "teleport").errorCode(), "invalid_field");
    EXPECT_EQ(f.ship(id, "carrier_normal", ",\"time_slot\":\"0915\"").errorCode(), "invalid_field");
    EXPECT_EQ(f.ship(999999, "carrier_normal").status, 404);
    Response dry = f.ship(id, "carrier_normal", ",\"dry_run\":true");
    ASSERT_EQ(dry.status, 200) << dry.body;
    EXPECT_FALSE(dry.json()->has("shipment"));
    EXPECT_EQ(f.intake.count("shipments"), 0);
    EXPECT_EQ(
        f.courier.post("/api/v1/shipments", DispatchFixture::shipmentBody(id, "carrier_normal"))
            .status,
        403);
}
