#include <dlfcn.h>
#include <gtest/gtest.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>

#include "reports/render/HaruDocument.h"
#include "reports/render/HaruGlyphLookup.h"

using namespace rxdesk::reports;

namespace {

using GlyphLookup = HPDF_UINT16 (*)(HPDF_FontDef, HPDF_UINT16);

}  // namespace

TEST(HaruGlyphLookup, IsTheLookupLibharuCalls) {
    EXPECT_TRUE(fastGlyphLookupActive());
}

// The replacement must give the glyph libharu's own lookup gives, for every BMP character of
// the font every printed output uses: a wrong glyph would print the wrong character while
// pdftotext (which reads the ToUnicode map) still extracts the right text.
TEST(HaruGlyphLookup, FindsTheGlyphLibharuFindsForEveryBmpCharacter) {
    const auto libharus =
        reinterpret_cast<GlyphLookup>(dlsym(RTLD_NEXT, "HPDF_TTFontDef_GetGlyphid"));
    ASSERT_NE(libharus, nullptr);
    const auto ours =
        reinterpret_cast<GlyphLookup>(dlsym(RTLD_DEFAULT, "HPDF_TTFontDef_GetGlyphid"));
    ASSERT_NE(ours, libharus);
    HPDF_Doc doc = HPDF_New(nullptr, nullptr);
    ASSERT_NE(doc, nullptr);
    HPDF_UseUTFEncodings(doc);
    const char* name =
        HPDF_LoadTTFontFromFile(doc, std::string(kDefaultJapaneseFontPath).c_str(), HPDF_TRUE);
    ASSERT_NE(name, nullptr);
    HPDF_FontDef font = HPDF_Doc_FindFontDef(doc, name);
    ASSERT_NE(font, nullptr);
    int differing = 0;
    int found = 0;
    for (unsigned u = 0; u <= 0xFFFF; ++u) {
        const auto expected = libharus(font, static_cast<HPDF_UINT16>(u));
        if (expected != 0) ++found;
        if (ours(font, static_cast<HPDF_UINT16>(u)) != expected) ++differing;
    }
    HPDF_Free(doc);
    EXPECT_EQ(differing, 0);
    EXPECT_GT(found, 10000) << "the font maps Japanese text";
}

TEST(HaruDocument, MeasuresTextAsTheSumOfItsCharacters) {
    HaruDocument doc{std::string(kDefaultJapaneseFontPath)};
    const auto width = doc.charWidth(10.0);
    const std::string text = "処方箋 RX-12（髙橋）…";
    double sum = 0.0;
    for (auto c : utf8Characters(text)) sum += width(c);
    EXPECT_DOUBLE_EQ(doc.textWidth(text, 10.0), sum);
    EXPECT_GT(doc.textWidth("漢", 10.0), doc.textWidth("i", 10.0));
    EXPECT_DOUBLE_EQ(doc.textWidth("漢", 20.0), 2 * doc.textWidth("漢", 10.0)) << "cached per em";
    EXPECT_DOUBLE_EQ(doc.textWidth("", 10.0), 0.0);
}
