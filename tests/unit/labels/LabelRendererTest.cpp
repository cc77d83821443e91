#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/Error.h"
#include "dispatch/labels/HandlingNoteData.h"
#include "dispatch/labels/LabelRenderer.h"
#include "unit/labels/BarcodeReader.h"
#include "unit/reports/PdfTestTools.h"

using namespace rxdesk;
using namespace rxdesk::labels;
using rxdesk::testutil::PdfFile;
using rxdesk::testutil::squeeze;

namespace {

Party pharmacy() {
    return {"さくら調剤薬局 本町店", "1000001", "東京都千代田区千代田1-1 本町ビル1階",
            "03-1234-5678"};
}

LabelData label(const std::string& parcel_number) {
    LabelData d;
    d.recipient = {"山田 花子", "530-0001",
                   "大阪府大阪市北区梅田1-2-3\nグランドハイツ梅田 1203号室", "090-1111-2222"};
    d.sender = pharmacy();
    d.marks = {HandlingMark::Refrigerated, HandlingMark::ThisSideUp, HandlingMark::RecipientOnly,
               HandlingMark::NoLeaveAtDoor};
    d.delivery_date = "11月22日（土）";
    d.time_slot = "14時〜16時";
    d.cash_on_delivery_yen = 3450;
    d.parcel_number = parcel_number;
    return d;
}

// What the handling note in the same parcel lists: none of it may show on the label.
const std::vector<std::string> kContents = {"インスリン", "グラルギン", "ロキソプロフェン",
                                            "糖尿病", "冷所保存"};

testutil::GrayImage grayPage(const PdfFile& pdf, int page) {
    auto image = pdf.renderGray(page, 300);
    return {image.width, image.height, std::move(image.pixels)};
}

}  // namespace

TEST(LabelRenderer, PrintsAddressesMarksSlotAndCashOnDeliveryButNotTheContents) {
    for (const auto format : {LabelFormat::A6, LabelFormat::Roll62}) {
        const PdfFile pdf(LabelRenderer().render({label("RX-2026-000123")}, format));
        EXPECT_EQ(pdf.pageCount(), 1);
        const std::string text = squeeze(pdf.text());
        for (const char* expected :
             {"お届け先", "〒530-0001", "大阪府大阪市北区梅田1-2-3", "グランドハイツ梅田1203号室",
              "山田花子様", "TEL090-1111-2222", "要冷蔵", "天地無用", "本人限定受取", "置き配不可",
              "11月22日（土）14時〜16時", "代金引換¥3,450", "RX-2026-000123", "ご依頼主",
              "さくら調剤薬局本町店", "〒100-0001", "TEL03-1234-5678"}) {
            EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
        }
        for (const auto& word : kContents) EXPECT_EQ(text.find(word), std::string::npos) << word;
    }
}

TEST(LabelRenderer, UsesTheLabelStockSize) {
    const auto a6 = PdfFile(LabelRenderer().render({label("P1")}, LabelFormat::A6)).pageSize();
    EXPECT_NEAR(a6.first, 297.64, 0.5);   // 105 mm
    EXPECT_NEAR(a6.second, 419.53, 0.5);  // 148 mm
    const auto roll =
        PdfFile(LabelRenderer().render({label("P1")}, LabelFormat::Roll62)).pageSize();
    EXPECT_NEAR(roll.first, 175.75, 0.5);   // 62 mm
    EXPECT_NEAR(roll.second, 283.46, 0.5);  // 100 mm
}

TEST(LabelRenderer, QrAndCode128DecodeBackToTheParcelNumber) {
    for (const auto format : {LabelFormat::A6, LabelFormat::Roll62}) {
        for (const std::string number : {"RX-2026-000123", "4901234567894", "yamato/0042-77"}) {
            const PdfFile pdf(LabelRenderer().render({label(number)}, format));
            const auto image = grayPage(pdf, 1);
            const auto qr = testutil::decodeAll(image, ZXing::BarcodeFormat::QRCode);
            ASSERT_EQ(qr.size(), 1u) << number;
            EXPECT_EQ(qr[0], number);
            const auto bars = testutil::decodeAll(image, ZXing::BarcodeFormat::Code128);
            ASSERT_EQ(bars.size(), 1u) << number;
            EXPECT_EQ(bars[0], number);
        }
    }
}

TEST(LabelRenderer, ThousandLabelsShareOneEmbeddedFont) {
    std::vector<LabelData> labels;
    for (int i = 0; i < 1000; ++i) labels.push_back(label("RX-" + std::to_string(100000 + i)));
    const PdfFile pdf(LabelRenderer().render(labels, LabelFormat::A6));
    EXPECT_EQ(pdf.pageCount(), 1000);
    const auto fonts = pdf.fonts();
    ASSERT_EQ(fonts.size(), 1u);
    EXPECT_NE(fonts[0].find("IPAexGothic"), std::string::npos);
    const std::string last = squeeze(pdf.text(1000));
    EXPECT_NE(last.find("RX-100999"), std::string::npos);
}

TEST(LabelRenderer, OmitsUnsetOptionalParts) {
    LabelData d = label("P1");
    d.marks.clear();
    d.delivery_date.clear();
    d.time_slot.clear();
    d.cash_on_delivery_yen.reset();
    const std::string text = squeeze(PdfFile(LabelRenderer().render({d}, LabelFormat::A6)).text());
    EXPECT_NE(text.find("お届け日時：指定なし"), std::string::npos);
    EXPECT_EQ(text.find("代金引換"), std::string::npos);
    EXPECT_EQ(text.find("要冷蔵"), std::string::npos);
}

TEST(LabelRenderer, CutsAnAddressTooLongForTheLabel) {
    LabelData d = label("P1");
    d.recipient.address = std::string("北海道") + std::string(40, 'X') + "一丁目" +
                          "二丁目三丁目四丁目五丁目六丁目七丁目八丁目九丁目十丁目" +
                          "十一丁目十二丁目十三丁目十四丁目十五丁目終わり";
    const std::string text =
        squeeze(PdfFile(LabelRenderer().render({d}, LabelFormat::Roll62)).text());
    EXPECT_NE(text.find("北海道"), std::string::npos);
    EXPECT_NE(text.find("…"), std::string::npos);
    EXPECT_EQ(text.find("終わり"), std::string::npos);
}

TEST(LabelRenderer, RejectsBadInputNamingTheField) {
    struct Case {
        const char* what;
        void (*spoil)(LabelData&);
        const char* field;
    };
    const Case cases[] = {
        {"empty number", [](LabelData& d) { d.parcel_number.clear(); }, "labels[1].parcel_number"},
        {"kanji number", [](LabelData& d) { d.parcel_number = "荷物1"; },
         "labels[1].parcel_number"},
        {"long number", [](LabelData& d) { d.parcel_number = std::string(33, '1'); },
         "labels[1].parcel_number"},
        {"negative COD", [](LabelData& d) { d.cash_on_delivery_yen = -1; },
         "labels[1].cash_on_delivery_yen"},
        {"bad UTF-8", [](LabelData& d) { d.recipient.name = "\xff"; }, "labels[1].recipient"},
    };
    for (const auto& c : cases) {
        std::vector<LabelData> labels = {label("P0"), label("P1")};
        c.spoil(labels[1]);
        try {
            LabelRenderer().render(labels, LabelFormat::A6);
            ADD_FAILURE() << c.what << ": accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadRequest) << c.what;
            EXPECT_EQ(e.code(), "label_invalid") << c.what;
            EXPECT_EQ(e.field(), c.field) << c.what;
        }
    }
    EXPECT_THROW(LabelRenderer().render({}, LabelFormat::A6), Error);
}

TEST(LabelRenderer, FormatsPostcodesAndYen) {
    EXPECT_EQ(formatPostcode("1000001"), "100-0001");
    EXPECT_EQ(formatPostcode("100-0001"), "100-0001");
    EXPECT_EQ(formatPostcode("12345"), "12345");
    EXPECT_EQ(formatPostcode("〒1000001"), "〒1000001");
    EXPECT_EQ(formatYen(0), "¥0");
    EXPECT_EQ(formatYen(999), "¥999");
    EXPECT_EQ(formatYen(1000), "¥1,000");
    EXPECT_EQ(formatYen(1234567), "¥1,234,567");
}

TEST(LabelRenderer, MarkTextsAreTheCarrierWording) {
    EXPECT_EQ(handlingMarkText(HandlingMark::Refrigerated), "要冷蔵");
    EXPECT_EQ(handlingMarkText(HandlingMark::Frozen), "冷凍");
    EXPECT_EQ(handlingMarkText(HandlingMark::ThisSideUp), "天地無用");
    EXPECT_EQ(handlingMarkText(HandlingMark::RecipientOnly), "本人限定受取");
    EXPECT_EQ(handlingMarkText(HandlingMark::NoLeaveAtDoor), "置き配不可");
    EXPECT_TRUE(isReversedMark(HandlingMark::Frozen));
    EXPECT_FALSE(isReversedMark(HandlingMark::ThisSideUp));
}
