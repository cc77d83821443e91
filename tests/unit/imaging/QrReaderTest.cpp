#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "imaging/DocumentDecoder.h"
#include "imaging/QrReader.h"
#include "imaging/QrText.h"
#include "jahis/StructuredAppend.h"
#include "support/fax/FaxFixtures.h"

namespace rxdesk::imaging {
namespace {

using namespace fixtures;

// What a fax machine makes of a printed page: skewed, specked, sampled at 100 lines per
// inch, G4-compressed; and what decodeDocument gives back.
PageImage throughFax(const PageImage& printed, double skew_degrees, double noise) {
    PageImage page = rotatePage(printed, skew_degrees);
    addSaltAndPepper(page, noise, 42);
    const std::vector<PageImage> pages =
        decodeDocument(writeBilevelTiff({halveRows(page)}, 200, 100));
    EXPECT_EQ(pages.size(), 1u);
    return pages.at(0);
}

TEST(QrReader, ReadsAShiftJisJahisQrFromALowResolutionSkewedNoisyFax) {
    const std::string text = shortJahisText();
    const std::string sjis = toShiftJis(text);
    // Modules of 3 pixels at 200 dpi (0.38 mm) are 1.5 scan lines at 100 dpi. The cases
    // with 1° skew defeat a plain read and need the filtered/rescaled fallback passes.
    struct Case {
        int module_px;
        double noise;
        double skew;
    } cases[] = {{3, 0.01, 2.5}, {3, 0.01, -3.0}, {3, 0.01, 1.0}, {4, 0.02, 1.0}};
    const QrModules qr = encodeQr(sjis);
    for (const Case& c : cases) {
        SCOPED_TRACE(testing::Message()
                     << "module " << c.module_px << " noise " << c.noise << " skew " << c.skew);
        PageImage printed = a4Page();
        drawQr(printed, qr, 1000, 1500, c.module_px);
        const PageImage fax = throughFax(printed, c.skew, c.noise);
        const std::vector<QrSymbolRead> symbols = findQrCodes(fax);
        ASSERT_EQ(symbols.size(), 1u);
        EXPECT_EQ(symbols[0].bytes, sjis);  // raw Shift_JIS bytes, not a mis-decoded string
        EXPECT_EQ(symbols[0].total, 1);
        const QrTextResult result = qrSymbolsToText(symbols);
        ASSERT_TRUE(result.utf8_text.has_value());
        EXPECT_EQ(*result.utf8_text, text);
        EXPECT_TRUE(result.findings.empty());
    }
}

TEST(QrReader, JoinsStructuredAppendSymbolsScatteredOverThePageInOrder) {
    const std::string text = richJahisText();
    const std::string sjis = toShiftJis(text);
    std::vector<QrModules> symbols = encodeQrStructured(sjis, 10);
    ASSERT_GE(symbols.size(), 3u);
    ASSERT_LE(symbols.size(), 6u);
    // Place them on a 2×3 grid in shuffled order.
    std::vector<int> slots(symbols.size());
    for (std::size_t i = 0; i < slots.size(); ++i) slots[i] = static_cast<int>(i);
    std::shuffle(slots.begin(), slots.end(), std::mt19937(7));
    PageImage printed = a4Page();
    for (std::size_t i = 0; i < symbols.size(); ++i) {
        const int slot = slots[i];
        drawQr(printed, symbols[i], 150 + (slot % 2) * 800, 900 + (slot / 2) * 480, 4);
    }
    const PageImage fax = throughFax(printed, 2.0, 0.002);
    const std::vector<QrSymbolRead> found = findQrCodes(fax);
    ASSERT_EQ(found.size(), symbols.size());
    for (const QrSymbolRead& symbol : found) {
        EXPECT_EQ(symbol.total, static_cast<int>(symbols.size()));
        EXPECT_EQ(symbol.parity, jahis::structuredAppendParity(sjis));
    }
    const QrTextResult result = qrSymbolsToText(found);
    ASSERT_TRUE(result.utf8_text.has_value());
    EXPECT_EQ(*result.utf8_text, text);
    EXPECT_TRUE(result.findings.empty());
}

TEST(QrReader, ReportsWhereEachSymbolIs) {
    PageImage printed = a4Page();
    const QrModules qr = encodeQr(toShiftJis(shortJahisText()));
    drawQr(printed, qr, 300, 1200, 6);
    const std::vector<QrSymbolRead> found = findQrCodes(printed);
    ASSERT_EQ(found.size(), 1u);
    const int side = qr.size * 6;
    EXPECT_NEAR(found[0].position[0].x, 300, 8);
    EXPECT_NEAR(found[0].position[0].y, 1200, 8);
    EXPECT_NEAR(found[0].position[2].x, 300 + side, 8);
    EXPECT_NEAR(found[0].position[2].y, 1200 + side, 8);
}

TEST(QrReader, ReadsTheQrOfEveryDocumentFormat) {
    const std::string text = shortJahisText();
    const std::string sjis = toShiftJis(text);
    PageImage printed = a4Page();
    drawQr(printed, encodeQr(sjis), 900, 1600, 4);
    const PageImage skewed = rotatePage(printed, 2.0);
    struct Case {
        const char* name;
        std::string bytes;
        std::size_t page;  // the page holding the QR
    } cases[] = {
        {"G4 TIFF, QR on page 2 after a cover page",
         writeBilevelTiff({halveRows(a4Page()), halveRows(skewed)}, 204, 98), 1},
        {"PNG", writePng(skewed), 0},
        {"JPEG", writeJpeg(skewed, 75, 200), 0},
        {"PDF", writePdf({a4Page(), skewed}, 200), 1},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const std::vector<PageImage> pages = decodeDocument(c.bytes);
        ASSERT_GT(pages.size(), c.page);
        for (std::size_t i = 0; i < pages.size(); ++i) {
            const std::vector<QrSymbolRead> symbols = findQrCodes(pages[i]);
            if (i != c.page) {
                EXPECT_TRUE(symbols.empty());
                continue;
            }
            ASSERT_EQ(symbols.size(), 1u);
            EXPECT_EQ(qrSymbolsToText(symbols).utf8_text, text);
        }
    }
}

TEST(QrReader, IgnoresAnotherQrCodeBesideTheJahisOne) {
    const std::string text = shortJahisText();
    PageImage printed = a4Page();
    drawQr(printed, encodeQr(toShiftJis(text)), 900, 1600, 4);
    drawQr(printed, encodeQr("https://clinic.example.jp/"), 200, 1600, 4);
    const std::vector<QrSymbolRead> symbols = findQrCodes(throughFax(printed, 1.5, 0.002));
    ASSERT_EQ(symbols.size(), 2u);
    const QrTextResult result = qrSymbolsToText(symbols);
    EXPECT_EQ(result.utf8_text, text);
    EXPECT_TRUE(result.findings.empty());
}

TEST(QrReader, FindsNothingOnAPageWithoutQrCodes) {
    const PageImage fax = throughFax(a4Page(), 2.0, 0.003);
    EXPECT_TRUE(findQrCodes(fax).empty());
    PageImage empty;
    EXPECT_TRUE(findQrCodes(empty).empty());
}

}  // namespace
}  // namespace rxdesk::imaging
