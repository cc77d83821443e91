#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/TextEncoding.h"
#include "dispatch/carrier/B2Csv.h"
#include "dispatch/carrier/B2LabelHints.h"
#include "dispatch/rules/HandlingRules.h"

namespace rxdesk::dispatch {
namespace {

using namespace std::chrono;

B2ExportSettings settings() {
    B2ExportSettings s;
    s.billing_customer_code = "0312345678";
    s.billing_class_code = "";
    s.freight_number = "01";
    return s;
}

B2Shipment shipment(std::string ref) {
    B2Shipment s;
    s.customer_ref = std::move(ref);
    s.ship_date = 2026y / November / 21d;
    s.recipient = {"090-1234-5678", "1500001", "東京都渋谷区神宮前１－２－３", "テストハイツ１０１",
                   "配送　花子"};
    s.sender = {"03-1111-2222", "1000005", "東京都千代田区丸の内１－１", "", "テスト薬局"};
    return s;
}

std::vector<B2Shipment> samples() {
    B2Shipment a = shipment("P-0001");
    B2Shipment b = shipment("P-0002");
    b.type = B2InvoiceType::Collect;
    b.cool = B2CoolClass::Chilled;
    b.delivery_date = 2026y / November / 23d;
    b.time_slot = B2TimeSlot::Morning;
    b.handling1 = "天地無用";
    b.remarks = "置き配不可 署名要";
    b.cod_amount = 3520;
    b.cod_tax = 320;
    b.recipient.name = "髙橋　\"一郎\", 様方";  // quote and comma survive, 髙 is CP932 (IBM ext.)
    B2Shipment c = shipment("P-0003");
    c.cool = B2CoolClass::Frozen;
    c.time_slot = B2TimeSlot::From19To21;
    c.honorific = "";
    return {a, b, c};
}

TEST(B2Csv, ExportThenParseRoundTrips) {
    B2Export out = exportB2Csv(samples(), settings());
    EXPECT_TRUE(out.problems.empty());
    EXPECT_EQ(out.rows, 3u);
    B2Import back = parseB2Csv(out.bytes);
    EXPECT_TRUE(back.problems.empty());
    ASSERT_EQ(back.rows.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(back.rows[i].shipment, samples()[i]) << i;
        EXPECT_EQ(back.rows[i].item_name, "日用品");
        EXPECT_EQ(back.rows[i].billing_customer_code, "0312345678");
        EXPECT_EQ(back.rows[i].freight_number, "01");
        EXPECT_EQ(back.rows[i].line, i + 2);  // after the title row
    }
}

TEST(B2Csv, WritesShiftJisCrLfQuotedFieldsInB2ColumnOrder) {
    B2Export out = exportB2Csv({samples()[1]}, settings());
    auto utf8 = cp932ToUtf8(out.bytes);
    ASSERT_TRUE(utf8) << "output must be CP932";
    EXPECT_EQ(out.bytes.find("\n"), out.bytes.find("\r\n") + 1);
    std::string data = utf8->substr(utf8->find("\r\n") + 2);
    EXPECT_TRUE(utf8->starts_with("\"お客様管理番号\",\"送り状種類\",\"クール区分\""));
    EXPECT_TRUE(data.starts_with(
        "\"P-0002\",\"2\",\"2\",\"\",\"2026/11/21\",\"2026/11/23\",\"0812\",\"\",\"090-1234-5678\","
        "\"\",\"150-0001\""));
    EXPECT_NE(
        data.find("\"日用品\",\"\",\"\",\"天地無用\",\"\",\"置き配不可 署名要\",\"3520\",\"320\""),
        std::string::npos);
    EXPECT_TRUE(data.ends_with("\"0312345678\",\"\",\"01\"\r\n"));
}

TEST(B2Csv, TitleRowIsOptionalOnBothSides) {
    B2ExportSettings s = settings();
    s.title_row = false;
    B2Export out = exportB2Csv(samples(), s);
    EXPECT_FALSE(cp932ToUtf8(out.bytes)->starts_with("\"お客様管理番号\""));
    B2Import back = parseB2Csv(out.bytes);
    ASSERT_EQ(back.rows.size(), 3u);
    EXPECT_EQ(back.rows[0].line, 1u);
}

TEST(B2Csv, ItemNameNeverRevealsTheDrug) {
    for (const char* name :
         {"医薬品", "お薬", "ロキソニン錠", "インスリン", "処方品", "麻薬", ""}) {
        B2ExportSettings s = settings();
        s.item_name = name;
        EXPECT_THROW(validateB2Settings(s), Error) << name;
        EXPECT_THROW(exportB2Csv(samples(), s), Error) << name;
    }
    B2ExportSettings ok = settings();
    ok.item_name = "雑貨";
    EXPECT_NO_THROW(validateB2Settings(ok));
    B2Import back = parseB2Csv(exportB2Csv(samples(), ok).bytes);
    for (const B2Row& row : back.rows) EXPECT_EQ(row.item_name, "雑貨");
}

TEST(B2Csv, BadBillingSettingsAreRefused) {
    const struct {
        const char* customer;
        const char* cls;
        const char* freight;
        const char* field;
    } cases[] = {
        {"12345", "", "01", "billing_customer_code"},
        {"0312345678", "1234", "01", "billing_class_code"},
        {"0312345678", "", "1", "freight_number"},
    };
    for (const auto& c : cases) {
        B2ExportSettings s = settings();
        s.billing_customer_code = c.customer;
        s.billing_class_code = c.cls;
        s.freight_number = c.freight;
        try {
            validateB2Settings(s);
            ADD_FAILURE() << c.field;
        } catch (const Error& e) {
            EXPECT_EQ(e.field(), c.field);
        }
    }
}

TEST(B2Csv, InvalidShipmentsAreLeftOutWithReasons) {
    struct Case {
        const char* name;
        void (*mutate)(B2Shipment&);
        const char* field;
        const char* code;
    };
    const Case cases[] = {
        {"no ref", [](B2Shipment& s) { s.customer_ref.clear(); }, "customer_ref", "required"},
        {"postcode", [](B2Shipment& s) { s.recipient.postcode = "150-001"; }, "recipient.postcode",
         "bad_postcode"},
        {"phone", [](B2Shipment& s) { s.recipient.phone = "12345"; }, "recipient.phone",
         "bad_phone"},
        {"no address", [](B2Shipment& s) { s.recipient.address.clear(); }, "recipient.address",
         "required"},
        {"long name",
         [](B2Shipment& s) { s.recipient.name = "あいうえおかきくけこさしすせそたち"; },
         "recipient.name", "too_long"},
        {"not cp932", [](B2Shipment& s) { s.recipient.name = "😀"; }, "recipient.name", "not_cp932"},
        {"newline", [](B2Shipment& s) { s.remarks = "a\nb"; }, "remarks", "line_break"},
        {"cod missing", [](B2Shipment& s) { s.type = B2InvoiceType::Collect; }, "cod_amount",
         "bad_cod_amount"},
        {"cod too big",
         [](B2Shipment& s) {
             s.type = B2InvoiceType::Collect;
             s.cod_amount = 300001;
         },
         "cod_amount", "bad_cod_amount"},
        {"cod on prepaid", [](B2Shipment& s) { s.cod_amount = 100; }, "cod_amount",
         "cod_not_collect"},
        {"compact cool",
         [](B2Shipment& s) {
             s.type = B2InvoiceType::Compact;
             s.cool = B2CoolClass::Chilled;
         },
         "cool", "cool_not_available"},
        {"date order", [](B2Shipment& s) { s.delivery_date = 2026y / November / 20d; },
         "delivery_date", "before_ship_date"},
        {"tracking", [](B2Shipment& s) { s.tracking_number = "12"; }, "tracking_number",
         "bad_tracking_number"},
        {"honorific", [](B2Shipment& s) { s.honorific = "殿"; }, "honorific", "bad_honorific"},
    };
    for (const Case& c : cases) {
        B2Shipment bad = shipment("P-BAD");
        c.mutate(bad);
        B2Export out = exportB2Csv({shipment("P-OK"), bad}, settings());
        EXPECT_EQ(out.rows, 1u) << c.name;
        ASSERT_FALSE(out.problems.empty()) << c.name;
        EXPECT_EQ(out.problems[0].index, 1u) << c.name;
        EXPECT_EQ(out.problems[0].field, c.field) << c.name;
        EXPECT_EQ(out.problems[0].code, c.code) << c.name;
        EXPECT_EQ(out.problems[0].message.find("P-BAD"), std::string::npos);
    }
}

TEST(B2Csv, NothingValidMeansEmptyFile) {
    B2Shipment bad = shipment("");
    B2Export out = exportB2Csv({bad}, settings());
    EXPECT_EQ(out.rows, 0u);
    EXPECT_TRUE(out.bytes.empty());
}

TEST(B2Csv, ParserReportsUnreadableLines) {
    std::string good = exportB2Csv({shipment("P-1")}, settings()).bytes;
    std::string file = good + "\"x\",\"9\"\r\n" +
                       *utf8ToCp932("\"P-2\",\"7\"" + std::string(40, ',') + "\r\n") +
                       "\x82\xFF\r\n";
    B2Import back = parseB2Csv(file);
    EXPECT_EQ(back.rows.size(), 1u);
    ASSERT_EQ(back.problems.size(), 3u);
    EXPECT_EQ(back.problems[0].index, 3u);  // the line
    EXPECT_EQ(back.problems[0].code, "too_few_columns");
    EXPECT_EQ(back.problems[1].code, "bad_type");
    EXPECT_EQ(back.problems[2].code, "bad_encoding");
}

TEST(B2LabelHints, CarryOnlyContentNeutralNotes) {
    HandlingRules rules = HandlingRules::fromText(
        "id,when,effect,methods,text\n"
        "S,do_not_shake,note,,天地無用\n"
        "C,cold,note,,要冷蔵 保冷剤同梱\n"
        "N,psychotropic,no_leave_at_door,,置き配不可\n"
        "G,psychotropic,signature,,署名要\n");
    ShippingPlan plan = rules.plan(
        {{"a", {HandlingClass::Cold, HandlingClass::DoNotShake, HandlingClass::Psychotropic}}}, {});
    auto hints = b2LabelHints(plan.parcels.at(0), DeliveryMethod::CarrierChilled);
    ASSERT_TRUE(hints);
    EXPECT_EQ(hints->cool, B2CoolClass::Chilled);
    EXPECT_EQ(hints->handling1, "天地無用");
    EXPECT_EQ(hints->remarks, "置き配不可 署名要");
    EXPECT_FALSE(b2LabelHints(plan.parcels.at(0), DeliveryMethod::StaffHandDelivery));
}

}  // namespace
}  // namespace rxdesk::dispatch
