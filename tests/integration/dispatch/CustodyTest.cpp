#include <gtest/gtest.h>

#include "integration/dispatch/DispatchFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;
using prescription::DrugCodeSystem;

namespace {

struct ShippedParcel {
    std::int64_t prescription_id = 0;
    std::int64_t shipment_id = 0;
    std::string parcel_path;  // /api/v1/parcels/{id}
    std::string number;
};

ShippedParcel shipGuided(DispatchFixture& f, const std::vector<prescription::DrugItem>& items,
                         const std::string& method) {
    ShippedParcel out;
    out.prescription_id = f.guidedPrescription(items);
    Response r = f.ship(out.prescription_id, method);
    EXPECT_EQ(r.status, 201) << r.body;
    auto shipment = r.json()->getObject("shipment");
    out.shipment_id = shipment->getValue<std::int64_t>("id");
    auto parcel = shipment->getArray("parcels")->getObject(0);
    out.parcel_path = "/api/v1/parcels/" + std::to_string(parcel->getValue<std::int64_t>("id"));
    out.number = parcel->getValue<std::string>("parcel_number");
    return out;
}

Poco::JSON::Array::Ptr unconfirmed(TestClient& clerk) {
    Response r = clerk.get("/api/v1/parcels/unconfirmed");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()->getArray("parcels");
}

Response event(TestClient& client, const ShippedParcel& p, const std::string& json) {
    return client.post(p.parcel_path + "/events", json);
}

}  // namespace

TEST(Custody, StaffDeliveryOfANarcoticFollowsTheSequenceAndMovesThePrescription) {
    DispatchFixture f;
    f.importStandardDrugData();
    ShippedParcel p =
        shipGuided(f, {DispatchFixture::item(drugs::kMorphine)}, "staff_hand_delivery");

    // The courier scans the label: destination and marks, nothing about the contents.
    Response scanned = f.courier.get("/api/v1/parcels/by-number/" + p.number);
    ASSERT_EQ(scanned.status, 200) << scanned.body;
    EXPECT_EQ(scanned.json()->getObject("destination")->getValue<std::string>("name"), "山田 太郎");
    EXPECT_FALSE(scanned.json()->getObject("parcel")->has("items"));
    EXPECT_FALSE(scanned.json()->has("prescription_id"));
    EXPECT_EQ(scanned.body.find("モルヒネ"), std::string::npos);
    EXPECT_EQ(f.courier.get("/api/v1/parcels/by-number/123456789012").status, 404);

    EXPECT_EQ(event(f.courier, p, R"({"kind":"out_with_staff"})").errorCode(), "invalid_transition")
        << "not packed yet";
    EXPECT_EQ(event(f.courier, p, R"({"kind":"packed"})").status, 403) << "the pharmacy packs";
    Response packed = event(f.clerk, p, R"({"kind":"packed"})");
    ASSERT_EQ(packed.status, 200) << packed.body;
    EXPECT_EQ(packed.json()->getValue<std::string>("prescription_status"), "shipped");
    EXPECT_EQ(event(f.clerk, p, R"({"kind":"packed"})").errorCode(), "invalid_transition");

    ASSERT_EQ(event(f.courier, p, R"({"kind":"out_with_staff"})").status, 200);
    EXPECT_EQ(
        event(f.courier, p, R"({"kind":"delivered","recipient_name":"山田 太郎"})").errorCode(),
        "identity_check_required");
    EXPECT_EQ(
        event(
            f.courier, p,
            R"({"kind":"delivered","recipient_name":"山田 太郎","identity_check":"my_number_card"})")
            .errorCode(),
        "signature_required");
    Response delivered =
        event(f.courier, p,
              std::string(R"({"kind":"delivered","recipient_name":"山田 太郎",)") +
                  R"("identity_check":"my_number_card","signature":")" + kSignaturePng + "\"}");
    ASSERT_EQ(delivered.status, 200) << delivered.body;
    EXPECT_EQ(delivered.json()->getObject("custody")->getValue<std::string>("state"), "delivered");
    EXPECT_FALSE(delivered.json()->has("prescription_status"))
        << "delivery staff see no prescription";
    EXPECT_EQ(f.prescriptionStatus(p.prescription_id), "delivered");
    EXPECT_EQ(event(f.courier, p, R"({"kind":"failed","reason":"不在"})").errorCode(),
              "invalid_transition");
    EXPECT_EQ(event(f.courier, p, R"({"kind":"teleported"})").status, 400);
}

TEST(Custody, AFailedDeliveryNeedsAReasonAndComesBack) {
    DispatchFixture f;
    f.importStandardDrugData();
    ShippedParcel p =
        shipGuided(f, {DispatchFixture::item(drugs::kZolpidem)}, "staff_hand_delivery");
    ASSERT_EQ(event(f.clerk, p, R"({"kind":"packed"})").status, 200);
    ASSERT_EQ(event(f.courier, p, R"({"kind":"out_with_staff"})").status, 200);
    EXPECT_EQ(event(f.courier, p, R"({"kind":"failed"})").errorCode(), "reason_required");
    ASSERT_EQ(event(f.courier, p, R"({"kind":"failed","reason":"不在のため持ち帰り"})").status,
              200);
    Response back = event(f.courier, p, R"({"kind":"returned"})");
    ASSERT_EQ(back.status, 200) << back.body;
    EXPECT_EQ(back.json()->getObject("custody")->getValue<std::string>("state"),
              "returned_to_pharmacy");
}

TEST(Custody, DeliveryStaffCannotReadPrescriptionsOrShipments) {
    DispatchFixture f;
    f.importStandardDrugData();
    ShippedParcel p = shipGuided(f, {DispatchFixture::item(drugs::kAmlodipine)}, "carrier_normal");
    EXPECT_EQ(f.courier.get("/api/v1/prescriptions/" + std::to_string(p.prescription_id)).status,
              403);
    EXPECT_EQ(f.courier.get("/api/v1/prescriptions").status, 403);
    EXPECT_EQ(f.courier.get("/api/v1/shipments/" + std::to_string(p.shipment_id)).status, 403);
    EXPECT_EQ(f.courier.get("/api/v1/shipments/" + std::to_string(p.shipment_id) + "/handling-note")
                  .status,
              403);
    EXPECT_EQ(f.courier.get(p.parcel_path).status, 403);
    EXPECT_EQ(f.courier.get("/api/v1/parcels/unconfirmed").status, 403);
}

TEST(Custody, CarrierDeliveriesWithoutReceiptAreListedAfterADay) {
    DispatchFixture f;
    f.importStandardDrugData();
    ShippedParcel p = shipGuided(f, {DispatchFixture::item(drugs::kAmlodipine)}, "carrier_normal");
    ASSERT_EQ(event(f.clerk, p, R"({"kind":"packed"})").status, 200);
    ASSERT_EQ(event(f.clerk, p, R"({"kind":"handed_to_carrier"})").status, 200);
    EXPECT_EQ(unconfirmed(f.clerk)->size(), 0u);

    f.server.clock().advance(std::chrono::hours(25));
    // A day later the counter signs in again (sessions do not last a day).
    TestClient clerk = f.server.loggedIn(f.intake.clerk);
    TestClient pharmacist = f.server.loggedIn(f.intake.pharmacist);
    auto listed = unconfirmed(clerk);
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->getObject(0)->getValue<std::string>("parcel_number"), p.number);
    EXPECT_EQ(listed->getObject(0)->getObject("destination")->getValue<std::string>("phone"),
              "090-1234-5678");

    EXPECT_EQ(clerk.post(p.parcel_path + "/receipt", R"({"method":"fax"})").status, 400);
    Response confirmed =
        clerk.post(p.parcel_path + "/receipt", R"({"method":"phone","note":"本人に電話で確認"})");
    ASSERT_EQ(confirmed.status, 200) << confirmed.body;
    EXPECT_TRUE(confirmed.json()->getObject("custody")->getValue<bool>("receipt_confirmed"));
    EXPECT_EQ(pharmacist.get("/api/v1/prescriptions/" + std::to_string(p.prescription_id))
                  .json()
                  ->getValue<std::string>("status"),
              "delivered");
    EXPECT_EQ(unconfirmed(clerk)->size(), 0u);
    EXPECT_EQ(clerk.post(p.parcel_path + "/receipt", R"({"method":"phone"})").errorCode(),
              "already_confirmed");
}

TEST(Custody, ATemperatureExcursionHoldsTheParcelForAPharmacist) {
    DispatchFixture f;
    f.importStandardDrugData();
    ShippedParcel p = shipGuided(f, {DispatchFixture::item(drugs::kInsulin, DrugCodeSystem::Yj)},
                                 "carrier_chilled");
    ASSERT_EQ(event(f.clerk, p, R"({"kind":"packed"})").status, 200);
    Response readings = f.clerk.post(p.parcel_path + "/temperatures",
                                     R"({"readings":[{"celsius":5.0},{"celsius":11.5}]})");
    ASSERT_EQ(readings.status, 200) << readings.body;
    auto custody = readings.json()->getObject("custody");
    EXPECT_TRUE(custody->getValue<bool>("awaiting_pharmacist_decision"));
    EXPECT_DOUBLE_EQ(custody->getObject("excursion")->getValue<double>("worst_celsius"), 11.5);

    EXPECT_EQ(event(f.clerk, p, R"({"kind":"handed_to_carrier"})").errorCode(),
              "temperature_decision_pending");
    EXPECT_EQ(f.clerk.post(p.parcel_path + "/decision", R"({"decision":"release"})").status, 403);
    ASSERT_EQ(
        f.pharmacist
            .post(p.parcel_path + "/decision", R"({"decision":"release","note":"30分以内の逸脱"})")
            .status,
        200);
    EXPECT_EQ(event(f.clerk, p, R"({"kind":"handed_to_carrier"})").status, 200);
    EXPECT_EQ(
        f.pharmacist.post(p.parcel_path + "/decision", R"({"decision":"release"})").errorCode(),
        "no_decision_pending");
}
