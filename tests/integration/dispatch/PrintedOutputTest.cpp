#include <gtest/gtest.h>

#include "core/TextEncoding.h"
#include "dispatch/carrier/B2Csv.h"
#include "integration/dispatch/DispatchFixture.h"
#include "unit/labels/BarcodeReader.h"
#include "unit/reports/PdfTestTools.h"

using namespace rxdesk;
using namespace rxdesk::testing;
using prescription::DrugCodeSystem;

namespace {

struct Shipped {
    std::int64_t shipment_id = 0;
    std::vector<std::string> parcel_numbers;
};

// Insulin (chilled) and amlodipine (room) for one patient, by carrier, 代引き ¥3,200.
Shipped shipMixed(DispatchFixture& f, const std::string& number) {
    auto rx = f.prescriptionWith({DispatchFixture::item(drugs::kAmlodipine),
                                  DispatchFixture::item(drugs::kInsulin, DrugCodeSystem::Yj)},
                                 number);
    auto id = f.submit(rx)->getValue<std::int64_t>("id");
    Response r = f.ship(id, "carrier", ",\"time_slot\":\"1416\",\"cash_on_delivery\":3200");
    EXPECT_EQ(r.status, 201) << r.body;
    auto shipment = r.json()->getObject("shipment");
    Shipped out{shipment->getValue<std::int64_t>("id"), {}};
    out.parcel_numbers = DispatchFixture::strings(shipment->getArray("parcels"), "parcel_number");
    return out;
}

std::string today(DispatchFixture& f) {
    return formatDate(tokyoDate(f.server.clock().now()));
}

}  // namespace

TEST(PrintedOutput, LabelsShowTheMarksAndNumberButNothingOfTheContents) {
    DispatchFixture f;
    f.importStandardDrugData();
    Shipped s = shipMixed(f, "RX-P1");
    ASSERT_EQ(s.parcel_numbers.size(), 2u);
    std::string base = "/api/v1/shipments/" + std::to_string(s.shipment_id);
    for (const char* format : {"a6", "roll62"}) {
        Response r = f.clerk.get(base + "/labels?format=" + format);
        ASSERT_EQ(r.status, 200) << r.body;
        EXPECT_EQ(r.header("Content-Type"), "application/pdf");
        testutil::PdfFile pdf(r.body);
        EXPECT_EQ(pdf.pageCount(), 2) << "one label per parcel";
        std::string text = testutil::squeeze(pdf.text());
        EXPECT_NE(text.find("要冷蔵"), std::string::npos) << format;
        EXPECT_NE(text.find("山田太郎"), std::string::npos);
        EXPECT_NE(text.find("さくら薬局"), std::string::npos);
        EXPECT_NE(text.find("14時"), std::string::npos);
        for (const auto& drug :
             {drugs::kInsulin.name, drugs::kAmlodipine.name, std::string("インスリン"),
              std::string("アムロジピン"), std::string("薬剤")})
            EXPECT_EQ(text.find(testutil::squeeze(drug)), std::string::npos)
                << drug << " on the outer label";
        // Page 2 is the chilled parcel: its QR gives back its number.
        for (int page : {1, 2}) {
            auto image = pdf.renderGray(page, 300);
            auto found = testutil::decodeAll({image.width, image.height, image.pixels},
                                             ZXing::BarcodeFormat::QRCode);
            ASSERT_EQ(found.size(), 1u) << format << " page " << page;
            EXPECT_EQ(found[0], s.parcel_numbers[page - 1]);
        }
    }
    EXPECT_EQ(f.clerk.get(base + "/labels?format=a4").status, 400);
    EXPECT_EQ(f.courier.get(base + "/labels").status, 403);
}

TEST(PrintedOutput, TheHandlingNoteListsTheDrugsAndHowToKeepThem) {
    DispatchFixture f;
    f.importStandardDrugData();
    Shipped s = shipMixed(f, "RX-P2");
    Response r =
        f.pharmacist.get("/api/v1/shipments/" + std::to_string(s.shipment_id) + "/handling-note");
    ASSERT_EQ(r.status, 200) << r.body;
    testutil::PdfFile pdf(r.body);
    std::string text = testutil::squeeze(pdf.text());
    // Long names wrap inside the table cell: look for their beginning.
    EXPECT_NE(text.find("インスリングラルギン注"), std::string::npos) << text;
    EXPECT_NE(text.find("アムロジピン錠５ｍｇ"), std::string::npos) << text;
    EXPECT_NE(text.find("冷蔵庫"), std::string::npos);
    EXPECT_NE(text.find("03-1234-5678"), std::string::npos);
}

TEST(PrintedOutput, ADaysLabelsComeInOnePdf) {
    DispatchFixture f;
    f.importStandardDrugData();
    Shipped a = shipMixed(f, "RX-P3");
    Shipped b = shipMixed(f, "RX-P4");
    Response r = f.clerk.get("/api/v1/parcels/labels?date=" + today(f));
    ASSERT_EQ(r.status, 200) << r.body;
    testutil::PdfFile pdf(r.body);
    EXPECT_EQ(pdf.pageCount(), 4);
    std::string text = testutil::squeeze(pdf.text());
    for (const auto& n : a.parcel_numbers) EXPECT_NE(text.find(n), std::string::npos);
    for (const auto& n : b.parcel_numbers) EXPECT_NE(text.find(n), std::string::npos);
    EXPECT_EQ(f.clerk.get("/api/v1/parcels/labels?date=2001-01-01").errorCode(), "no_parcels");
}

TEST(PrintedOutput, TheB2ExportReadsBackWithCoolClassTimeSlotAndCashOnDelivery) {
    DispatchFixture f;
    f.importStandardDrugData();
    Shipped s = shipMixed(f, "RX-P5");
    // A staff delivery is not the carrier's: it is left out of the export.
    auto narcotic =
        f.submit(f.prescriptionWith({DispatchFixture::item(drugs::kMorphine)}, "RX-P6"));
    ASSERT_EQ(f.ship(narcotic->getValue<std::int64_t>("id"), "staff_hand_delivery").status, 201);

    Response r = f.clerk.get("/api/v1/shipments/export/b2?date=" + today(f));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("X-B2-Rows"), "2");
    auto utf8 = cp932ToUtf8(r.body);
    ASSERT_TRUE(utf8) << "Shift_JIS";
    for (const auto& drug :
         {std::string("インスリン"), std::string("アムロジピン"), std::string("モルヒネ")})
        EXPECT_EQ(utf8->find(drug), std::string::npos);
    auto parsed = dispatch::parseB2Csv(r.body);
    EXPECT_TRUE(parsed.problems.empty());
    ASSERT_EQ(parsed.rows.size(), 2u);
    const auto& room = parsed.rows[0];
    const auto& chilled = parsed.rows[1];
    EXPECT_EQ(room.shipment.customer_ref, s.parcel_numbers[0]);
    EXPECT_EQ(chilled.shipment.customer_ref, s.parcel_numbers[1]);
    EXPECT_EQ(room.shipment.cool, dispatch::B2CoolClass::Normal);
    EXPECT_EQ(chilled.shipment.cool, dispatch::B2CoolClass::Chilled);
    EXPECT_EQ(room.shipment.time_slot, dispatch::B2TimeSlot::From14To16);
    EXPECT_EQ(room.shipment.type, dispatch::B2InvoiceType::Collect);
    EXPECT_EQ(room.shipment.cod_amount, 3200);
    EXPECT_EQ(chilled.shipment.type, dispatch::B2InvoiceType::Prepaid) << "collected once";
    EXPECT_EQ(room.item_name, "日用品");
    EXPECT_EQ(room.billing_customer_code, "012345678901");
    EXPECT_EQ(room.shipment.recipient.name, "山田 太郎");
    EXPECT_EQ(room.shipment.recipient.postcode, "1600022");
    EXPECT_EQ(room.shipment.sender.name, "さくら薬局");
}

TEST(PrintedOutput, TheB2ExportIsRefusedUntilTheBillingCodeIsSet) {
    IntakeFixture f;
    TestClient clerk = f.server.loggedIn(f.clerk);
    EXPECT_EQ(clerk.get("/api/v1/shipments/export/b2?date=2026-01-05").errorCode(),
              "b2_not_configured");
}
