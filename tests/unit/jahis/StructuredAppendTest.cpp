#include <gtest/gtest.h>

#include "jahis/StructuredAppend.h"

namespace rxdesk::jahis {
namespace {

const std::string kMessage = "JAHIS10\r\n11,,日薬 太郎,ﾆﾁﾔｸ ﾀﾛｳ\r\n12,1\r\n51,20261120\r\n";

// Splits kMessage into `total` symbols as a printer would.
std::vector<QrSymbol> symbolsOf(const std::string& message, int total) {
    std::vector<QrSymbol> symbols;
    const std::uint8_t parity = structuredAppendParity(message);
    const size_t chunk = (message.size() + total - 1) / total;
    for (int i = 0; i < total; ++i) {
        symbols.push_back({i, total, parity, message.substr(i * chunk, chunk)});
    }
    return symbols;
}

TEST(StructuredAppend, JoinsStructuredAppendSymbolsInOrder) {
    auto symbols = symbolsOf(kMessage, 3);
    JoinResult result = joinStructuredAppend(symbols);
    EXPECT_EQ(result.bytes, kMessage);
    EXPECT_TRUE(result.findings.empty());
}

TEST(StructuredAppend, OrdersSymbolsReadInAnyOrder) {
    auto symbols = symbolsOf(kMessage, 4);
    std::swap(symbols[0], symbols[3]);
    std::swap(symbols[1], symbols[2]);
    JoinResult result = joinStructuredAppend(symbols);
    EXPECT_EQ(result.bytes, kMessage);
    EXPECT_TRUE(result.findings.empty());
}

TEST(StructuredAppend, IgnoresASymbolReadTwice) {
    auto symbols = symbolsOf(kMessage, 2);
    symbols.push_back(symbols[0]);
    EXPECT_EQ(joinStructuredAppend(symbols).bytes, kMessage);
}

TEST(StructuredAppend, PassesASingleSymbolThrough) {
    JoinResult result = joinStructuredAppend({{0, 1, 0, kMessage}});
    EXPECT_EQ(result.bytes, kMessage);
    EXPECT_TRUE(result.findings.empty());
}

struct GapCase {
    std::vector<int> present;
    int total;
    const char* evidence;
};

TEST(StructuredAppend, ReportsMissingSymbolsByPosition) {
    const GapCase cases[] = {
        {{0, 2}, 3, "2/3"},
        {{1}, 3, "1/3, 3/3"},
        {{0, 1, 2}, 4, "4/4"},
    };
    for (const GapCase& c : cases) {
        auto all = symbolsOf(kMessage, c.total);
        std::vector<QrSymbol> symbols;
        for (int i : c.present) symbols.push_back(all[i]);
        JoinResult result = joinStructuredAppend(symbols);
        EXPECT_FALSE(result.bytes.has_value());
        ASSERT_EQ(result.findings.size(), 1u);
        EXPECT_EQ(result.findings[0].code, "qr_missing_symbols");
        EXPECT_EQ(result.findings[0].evidence, c.evidence);
        EXPECT_EQ(result.findings[0].severity, prescription::Severity::Error);
    }
}

struct BadSetCase {
    const char* name;
    void (*spoil)(std::vector<QrSymbol>&);
    const char* code;
};

TEST(StructuredAppend, RefusesMixedOrInvalidSets) {
    const BadSetCase cases[] = {
        {"other total", [](std::vector<QrSymbol>& s) { s[1].total = 3; }, "qr_mixed_sets"},
        {"other parity", [](std::vector<QrSymbol>& s) { s[1].parity ^= 0x55; }, "qr_mixed_sets"},
        {"same index other data",
         [](std::vector<QrSymbol>& s) {
             s.push_back({0, 2, s[0].parity, "other"});
         },
         "qr_mixed_sets"},
        {"index past total",
         [](std::vector<QrSymbol>& s) {
             for (auto& x : s) x.total = 2;
             s[1].index = 2;
         },
         "qr_bad_sequence"},
        {"negative index", [](std::vector<QrSymbol>& s) { s[0].index = -1; }, "qr_bad_sequence"},
        {"empty", [](std::vector<QrSymbol>& s) { s.clear(); }, "qr_no_symbols"},
    };
    for (const BadSetCase& c : cases) {
        SCOPED_TRACE(c.name);
        auto symbols = symbolsOf(kMessage, 2);
        c.spoil(symbols);
        JoinResult result = joinStructuredAppend(symbols);
        EXPECT_FALSE(result.bytes.has_value());
        ASSERT_EQ(result.findings.size(), 1u);
        EXPECT_EQ(result.findings[0].code, c.code);
    }
}

TEST(StructuredAppend, WarnsWhenTheParityDoesNotMatchTheData) {
    auto symbols = symbolsOf(kMessage, 2);
    for (auto& s : symbols) s.parity ^= 0x01;
    JoinResult result = joinStructuredAppend(symbols);
    EXPECT_EQ(result.bytes, kMessage);
    ASSERT_EQ(result.findings.size(), 1u);
    EXPECT_EQ(result.findings[0].code, "qr_parity_mismatch");
    EXPECT_EQ(result.findings[0].severity, prescription::Severity::Warning);
}

TEST(StructuredAppend, ParityIsTheXorOfAllBytes) {
    EXPECT_EQ(structuredAppendParity(""), 0);
    EXPECT_EQ(structuredAppendParity("\x01\x02\x04"), 0x07);
    EXPECT_EQ(structuredAppendParity("AA"), 0);
}

}  // namespace
}  // namespace rxdesk::jahis
