#include <gtest/gtest.h>

#include "JahisSamples.h"
#include "core/TextEncoding.h"
#include "jahis/JahisParser.h"
#include "jahis/QrPayload.h"

namespace rxdesk::jahis {
namespace {

TEST(QrPayload, KeepsUtf8AsItIs) {
    const std::string text = samples::sampleText();
    EXPECT_EQ(decodeQrPayload(text), text);
}

TEST(QrPayload, DropsAUtf8Bom) {
    EXPECT_EQ(decodeQrPayload("\xEF\xBB\xBFJAHIS10\r\n12,1\r\n"), "JAHIS10\r\n12,1\r\n");
}

TEST(QrPayload, DecodesShiftJisToTheSameText) {
    const std::string text = samples::sampleText();
    const std::optional<std::string> cp932 = utf8ToCp932(text);
    ASSERT_TRUE(cp932.has_value());
    ASSERT_NE(*cp932, text);
    EXPECT_EQ(decodeQrPayload(*cp932), text);
}

TEST(QrPayload, DecodesHalfWidthKatakanaShiftJis) {
    // ｺｳｷﾞｮｳｶｲ is single bytes 0xA1–0xDF in Shift_JIS: never valid UTF-8.
    const std::string bytes = "5,,\xBA\xB3\xB7\xDE\xAE\xB3\xB6\xB2,";
    EXPECT_EQ(decodeQrPayload(bytes), "5,,ｺｳｷﾞｮｳｶｲ,");
}

TEST(QrPayload, ParsesAShiftJisPrescriptionEndToEnd) {
    auto cp932 = utf8ToCp932(samples::sampleText());
    ASSERT_TRUE(cp932);
    auto text = decodeQrPayload(*cp932);
    ASSERT_TRUE(text);
    ParseResult result = JahisParser::parse(*text);
    ASSERT_TRUE(result.prescription);
    EXPECT_EQ(result.prescription->institution.name, "医療法人 工業会病院");
    EXPECT_EQ(result.prescription->rps.at(0).items.at(0).name, "ノルバスク錠２．５ｍｇ");
}

TEST(QrPayload, ReturnsNothingForBytesThatAreNeitherEncoding) {
    EXPECT_EQ(decodeQrPayload(std::string("JAHIS10\r\n11,,\x81", 14)), std::nullopt);
    EXPECT_EQ(decodeQrPayload("\xFF\xFF\xFF"), std::nullopt);
}

TEST(QrPayload, TakesPlainAsciiAsIs) {
    EXPECT_EQ(decodeQrPayload("JAHIS10\r\n12,1"), "JAHIS10\r\n12,1");
}

}  // namespace
}  // namespace rxdesk::jahis
