#include <gtest/gtest.h>

#include <numeric>
#include <set>
#include <vector>

#include "core/Error.h"
#include "dispatch/labels/Code128.h"
#include "unit/labels/BarcodeReader.h"

using namespace rxdesk;
using namespace rxdesk::labels;

TEST(Code128, PatternsAreElevenModulesWithEvenBarsAndAllDistinct) {
    std::set<std::vector<int>> seen;
    for (int v = 0; v <= 105; ++v) {
        const auto p = code128Pattern(v);
        ASSERT_EQ(p.size(), 6u) << v;
        EXPECT_EQ(std::accumulate(p.begin(), p.end(), 0), 11) << v;
        EXPECT_EQ((p[0] + p[2] + p[4]) % 2, 0) << v;  // bar modules are even in Code 128
        EXPECT_TRUE(seen.insert({p.begin(), p.end()}).second) << v;
    }
    const auto stop = code128Pattern(106);
    EXPECT_EQ(std::vector<int>(stop.begin(), stop.end()), (std::vector<int>{2, 3, 3, 1, 1, 1, 2}));
    // Spot checks against the ISO/IEC 15417 table.
    const auto pattern = [](int v) {
        const auto p = code128Pattern(v);
        return std::vector<int>(p.begin(), p.end());
    };
    EXPECT_EQ(pattern(0), (std::vector<int>{2, 1, 2, 2, 2, 2}));
    EXPECT_EQ(pattern(104), (std::vector<int>{2, 1, 1, 2, 1, 4}));
    EXPECT_EQ(pattern(105), (std::vector<int>{2, 1, 1, 2, 3, 2}));
    EXPECT_EQ(pattern(99), (std::vector<int>{1, 1, 3, 1, 4, 1}));
}

TEST(Code128, EncodesKnownVectors) {
    // Check values worked by hand: (start + Σ i·value_i) mod 103.
    struct Case {
        const char* text;
        std::vector<int> values;
    };
    const Case cases[] = {
        // B: P=48 J=42 1=17 2=18 3=19 C=35; 104+48+84+126+68+90+114+245 = 879 ≡ 55
        {"PJJ123C", {104, 48, 42, 42, 17, 18, 19, 35, 55, 106}},
        // C: 105+12+2·34 = 185 ≡ 82
        {"1234", {105, 12, 34, 82, 106}},
        // C for a whole even digit string: 105+12 = 117 ≡ 14
        {"12", {105, 12, 14, 106}},
        // odd short digits stay in B: 104+17+36+57 = 214 ≡ 8
        {"123", {104, 17, 18, 19, 8, 106}},
        // C then B for the odd last digit: 105+12+68+3·100+4·21 = 569 ≡ 54
        {"12345", {105, 12, 34, 100, 21, 54, 106}},
        // B then C for 4+ digits at the end: 104+33+68+3·99+4·12+5·34+6·56 = 1056 ≡ 26
        {"AB123456", {104, 33, 34, 99, 12, 34, 56, 26, 106}},
        // 2 digits in the middle stay in B: 104+50+112+3·17+4·18+5·33 = 554 ≡ 39
        {"RX12A", {104, 50, 56, 17, 18, 33, 39, 106}},
    };
    for (const auto& c : cases) {
        const auto symbol = encodeCode128(c.text);
        EXPECT_EQ(symbol.values, c.values) << c.text;
        EXPECT_EQ(symbol.moduleCount(), 11 * static_cast<int>(c.values.size() - 1) + 13) << c.text;
    }
}

TEST(Code128, SwitchesToCOnlyForLongDigitRunsInTheMiddle) {
    EXPECT_EQ(encodeCode128("A12345B").values[1], 33);  // 5 digits: all B
    EXPECT_EQ(encodeCode128("A12345B").values.size(), 10u);
    const auto six = encodeCode128("A123456B").values;  // 6 digits: B, C, B
    EXPECT_EQ(six, (std::vector<int>{104, 33, 99, 12, 34, 56, 100, 34, six[8], 106}));
}

TEST(Code128, CheckValueWeighsPositions) {
    const int values[] = {104, 33};
    EXPECT_EQ(code128CheckValue(values), (104 + 33) % 103);
    const int two[] = {105, 1, 1};
    EXPECT_EQ(code128CheckValue(two), (105 + 1 + 2) % 103);
}

TEST(Code128, RejectsTextItCannotEncode) {
    for (const char* text : {"", "あ", "AB\nC", "\x7f"}) {
        try {
            encodeCode128(text);
            ADD_FAILURE() << "accepted: " << text;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadRequest);
            EXPECT_EQ(e.code(), "barcode_invalid_text");
        }
    }
}

TEST(Code128, EverySymbolValueDecodesWithZxing) {
    // Covers all 95 code set B values and all 100 code set C pairs, so a wrong pattern in the
    // table cannot go unnoticed.
    std::vector<std::string> texts;
    std::string printable;
    for (char c = 0x20; c <= 0x7e; ++c) printable += c;
    for (std::size_t i = 0; i < printable.size(); i += 20) texts.push_back(printable.substr(i, 20));
    std::string digits;
    for (int pair = 0; pair < 100; ++pair) {
        digits += static_cast<char>('0' + pair / 10);
        digits += static_cast<char>('0' + pair % 10);
    }
    for (std::size_t i = 0; i < digits.size(); i += 40) texts.push_back(digits.substr(i, 40));
    texts.push_back("RX-2026-000123");
    for (const auto& text : texts) {
        const auto decoded = testutil::decodeAll(testutil::drawCode128(encodeCode128(text)),
                                                 ZXing::BarcodeFormat::Code128);
        ASSERT_EQ(decoded.size(), 1u) << text;
        EXPECT_EQ(decoded[0], text);
    }
}
