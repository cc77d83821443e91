#include <gtest/gtest.h>

#include "core/TextEncoding.h"
#include "imaging/QrText.h"
#include "jahis/StructuredAppend.h"

namespace rxdesk::imaging {
namespace {

const std::string kText = "JAHIS10\r\n1,1,1234567,13,医療法人 工業会病院\r\n51,20261120\r\n";

std::string sjis(const std::string& utf8) {
    return *utf8ToCp932(utf8);
}

// Splits `bytes` into `n` structured-append symbols as a reader would report them.
std::vector<QrSymbolRead> split(const std::string& bytes, int n) {
    std::vector<QrSymbolRead> symbols;
    const std::size_t chunk = (bytes.size() + n - 1) / n;
    for (int i = 0; i < n; ++i) {
        QrSymbolRead symbol;
        symbol.bytes = bytes.substr(i * chunk, chunk);
        symbol.index = i;
        symbol.total = n;
        symbol.parity = jahis::structuredAppendParity(bytes);
        symbols.push_back(symbol);
    }
    return symbols;
}

QrSymbolRead lone(const std::string& bytes) {
    QrSymbolRead symbol;
    symbol.bytes = bytes;
    return symbol;
}

std::vector<std::string> codes(const QrTextResult& result) {
    std::vector<std::string> out;
    for (const auto& finding : result.findings) out.push_back(finding.code);
    return out;
}

TEST(QrText, DecodesAndJoinsSymbols) {
    const std::string shift_jis = sjis(kText);
    std::vector<QrSymbolRead> shuffled = split(shift_jis, 3);
    std::swap(shuffled[0], shuffled[2]);
    std::vector<QrSymbolRead> read_twice = split(shift_jis, 2);
    read_twice.push_back(read_twice[0]);
    std::vector<QrSymbolRead> with_url = split(shift_jis, 2);
    with_url.push_back(lone("https://clinic.example.jp/"));
    struct Case {
        const char* name;
        std::vector<QrSymbolRead> symbols;
    } cases[] = {
        {"one Shift_JIS symbol", {lone(shift_jis)}}, {"one UTF-8 symbol", {lone(kText)}},
        {"structured append, shuffled", shuffled},   {"a symbol read twice", read_twice},
        {"with an unrelated QR code", with_url},
    };
    for (const Case& c : cases) {
        const QrTextResult result = qrSymbolsToText(c.symbols);
        EXPECT_EQ(result.utf8_text, kText) << c.name;
        EXPECT_TRUE(result.findings.empty()) << c.name;
    }
}

TEST(QrText, ExplainsWhyNoTextCameOut) {
    const std::string shift_jis = sjis(kText);
    std::vector<QrSymbolRead> missing = split(shift_jis, 3);
    missing.erase(missing.begin() + 1);
    const std::string other = sjis("JAHIS10\r\n11,,別の 患者,ﾍﾞﾂﾉ ｶﾝｼﾞｬ\r\n");
    struct Case {
        const char* name;
        std::vector<QrSymbolRead> symbols;
        std::string code;
    } cases[] = {
        {"nothing read", {}, "qr_no_symbols"},
        {"a part missing", missing, "qr_missing_symbols"},
        {"not text", {lone(std::string("\x81\x00\xFF\xFE", 4))}, "qr_bad_encoding"},
        {"not a prescription", {lone("https://clinic.example.jp/")}, "qr_not_jahis"},
        {"two prescriptions", {lone(shift_jis), lone(other)}, "qr_multiple_prescriptions"},
    };
    for (const Case& c : cases) {
        const QrTextResult result = qrSymbolsToText(c.symbols);
        EXPECT_FALSE(result.utf8_text.has_value()) << c.name;
        EXPECT_EQ(codes(result), std::vector<std::string>{c.code}) << c.name;
    }
}

TEST(QrText, KeepsTheTextButWarnsOnAParityMismatch) {
    std::vector<QrSymbolRead> symbols = split(sjis(kText), 2);
    for (auto& symbol : symbols) symbol.parity ^= 0x5A;
    const QrTextResult result = qrSymbolsToText(symbols);
    EXPECT_EQ(result.utf8_text, kText);
    EXPECT_EQ(codes(result), std::vector<std::string>{"qr_parity_mismatch"});
}

}  // namespace
}  // namespace rxdesk::imaging
