#include <gtest/gtest.h>

#include "core/Error.h"
#include "imaging/DocumentDecoder.h"
#include "imaging/PngPreview.h"
#include "support/fax/FaxFixtures.h"

namespace rxdesk::imaging {
namespace {

TEST(PngPreview, ShrinksToTheMaximumWidthKeepingTheAspectRatio) {
    const PageImage page = fixtures::a4Page();
    struct Case {
        int max_width;
        int width, height;
    } cases[] = {
        {800, 800, 1083},    // 2339 × 800 / 1728 = 1082.9
        {1728, 1728, 2339},  // already narrow enough: unchanged
        {4000, 1728, 2339},
        {1, 1, 1},
    };
    for (const Case& c : cases) {
        const std::string png = encodePngPreview(page, c.max_width);
        ASSERT_EQ(sniffMediaType(png), MediaType::Png);
        const std::vector<PageImage> decoded = decodeDocument(png);
        ASSERT_EQ(decoded.size(), 1u);
        EXPECT_EQ(decoded[0].width, c.width) << c.max_width;
        EXPECT_EQ(decoded[0].height, c.height) << c.max_width;
    }
}

TEST(PngPreview, KeepsThinFaxStrokesVisibleWhenShrinking) {
    const PageImage page = fixtures::a4Page();
    const PageImage preview = decodeDocument(encodePngPreview(page, 432)).at(0);
    // A 3-pixel text bar shrunk 4× becomes a grey line, not nothing.
    const int y = page.height / 20 / 4;
    int darkest = 255;
    for (int dy = -1; dy <= 1; ++dy)
        darkest = std::min<int>(darkest, preview.at(page.width / 12 / 4 + 2, y + dy));
    EXPECT_LT(darkest, 160);
}

TEST(PngPreview, RejectsANonPositiveWidth) {
    try {
        encodePngPreview(fixtures::a4Page(), 0);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), "invalid_preview_width");
    }
}

}  // namespace
}  // namespace rxdesk::imaging
