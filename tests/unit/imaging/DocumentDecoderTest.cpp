#include <gtest/gtest.h>

#include <chrono>

#include "core/Error.h"
#include "imaging/DocumentDecoder.h"
#include "support/fax/FaxFixtures.h"

namespace rxdesk::imaging {
namespace {

using namespace fixtures;

// Runs `decode`, expects an rxdesk::Error of `kind`/`code`, within `seconds`, and nothing
// written to stderr by the image libraries.
template <typename F>
void expectError(F decode, ErrorKind kind, const std::string& code, double seconds = 2.0) {
    testing::internal::CaptureStderr();
    const auto start = std::chrono::steady_clock::now();
    try {
        decode();
        ADD_FAILURE() << "no error, expected " << code;
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), kind) << e.what();
        EXPECT_EQ(e.code(), code) << e.what();
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    EXPECT_LT(took.count(), seconds) << code;
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "") << code;
}

PageImage smallPage() {
    return blankPage(400, 300, 200);
}

TEST(DocumentDecoder, SniffsTypesByMagicBytes) {
    struct Case {
        std::string bytes;
        MediaType type;
    } cases[] = {
        {std::string("II*\0rest", 8), MediaType::Tiff},
        {std::string("MM\0*rest", 8), MediaType::Tiff},
        {"\x89PNG\r\n\x1a\nrest", MediaType::Png},
        {"\xFF\xD8\xFF\xE0rest", MediaType::Jpeg},
        {"%PDF-1.7\n", MediaType::Pdf},
        {"\r\n%PDF-1.4\n", MediaType::Pdf},
        {"GIF89a", MediaType::Unknown},
        {"", MediaType::Unknown},
    };
    for (const Case& c : cases) EXPECT_EQ(sniffMediaType(c.bytes), c.type) << c.bytes;
}

TEST(DocumentDecoder, DecodesMultiPageG4FaxTiffAndStretches200x100Dpi) {
    const PageImage page = a4Page();
    const PageImage standard = halveRows(page);
    const std::string tiff = writeBilevelTiff({standard, standard, standard}, 200, 100);
    const std::vector<PageImage> pages = decodeDocument(tiff);
    ASSERT_EQ(pages.size(), 3u);
    for (const PageImage& decoded : pages) {
        EXPECT_EQ(decoded.width, 1728);
        EXPECT_EQ(decoded.height, standard.height * 2);
        EXPECT_DOUBLE_EQ(decoded.x_dpi, 200);
        EXPECT_DOUBLE_EQ(decoded.y_dpi, 200);
    }
    // Bar rows survive: the first text bar is black at the stretched position.
    const int bar_y = (page.height / 20) / 2 * 2;
    EXPECT_EQ(pages[0].at(page.width / 12 + 1, bar_y), 0);
    EXPECT_EQ(pages[0].at(page.width - 5, bar_y), 255);
}

TEST(DocumentDecoder, DecodesEachFaxCompressionAndResolution) {
    const PageImage page = blankPage(1728, 600, 200);
    struct Case {
        const char* name;
        int compression;
        double x_dpi, y_dpi;
        int expected_height;
    } cases[] = {
        {"G4 fine", 4, 200, 200, 600},           {"G4 standard", 4, 200, 100, 600},
        {"G3 standard 204x98", 3, 204, 98, 600},  // nominally 2:1: rows doubled exactly
        {"G3 fine 204x196", 3, 204, 196, 300},    // ratio 1.04: square enough, no stretch
        {"uncompressed", 1, 200, 200, 600},
    };
    for (const Case& c : cases) {
        const PageImage source = c.y_dpi < 150 ? halveRows(page) : page;
        const PageImage input = c.expected_height == 300 ? halveRows(page) : source;
        const std::vector<PageImage> pages =
            decodeDocument(writeBilevelTiff({input}, c.x_dpi, c.y_dpi, c.compression));
        ASSERT_EQ(pages.size(), 1u) << c.name;
        EXPECT_EQ(pages[0].width, 1728) << c.name;
        EXPECT_NEAR(pages[0].height, c.expected_height, 1) << c.name;
    }
}

TEST(DocumentDecoder, DecodesRgbTiffToGrey) {
    PageImage page = smallPage();
    const std::vector<PageImage> pages = decodeDocument(writeRgbTiff(page, 300));
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_EQ(pages[0].width, 400);
    EXPECT_EQ(pages[0].height, 300);
    EXPECT_DOUBLE_EQ(pages[0].x_dpi, 300);
    EXPECT_EQ(pages[0].pixels, page.pixels);
}

TEST(DocumentDecoder, DecodesPngAndJpeg) {
    const PageImage page = smallPage();
    const auto png = decodeDocument(writePng(page));
    ASSERT_EQ(png.size(), 1u);
    EXPECT_EQ(png[0].width, 400);
    EXPECT_EQ(png[0].height, 300);
    EXPECT_EQ(png[0].pixels, page.pixels);

    const auto jpeg = decodeDocument(writeJpeg(page, 90, 150));
    ASSERT_EQ(jpeg.size(), 1u);
    EXPECT_EQ(jpeg[0].width, 400);
    EXPECT_EQ(jpeg[0].height, 300);
    EXPECT_DOUBLE_EQ(jpeg[0].x_dpi, 150);
    EXPECT_LT(jpeg[0].at(page.width / 12 + 2, page.height / 20 + 1), 64);
    EXPECT_GT(jpeg[0].at(page.width - 5, page.height - 5), 192);
}

TEST(DocumentDecoder, RendersEveryPdfPageAt200Dpi) {
    const PageImage a5 = blankPage(1166, 1654, 200);
    const std::vector<PageImage> pages = decodeDocument(writePdf({a5, a5}, 200));
    ASSERT_EQ(pages.size(), 2u);
    for (const PageImage& page : pages) {
        EXPECT_NEAR(page.width, 1166, 1);
        EXPECT_NEAR(page.height, 1654, 1);
        EXPECT_DOUBLE_EQ(page.x_dpi, 200);
    }
    EXPECT_LT(pages[1].at(a5.width / 12 + 2, a5.height / 20 + 1), 96);
    EXPECT_GT(pages[1].at(a5.width - 20, a5.height - 20), 224);
}

TEST(DocumentDecoder, RejectsUnknownAndGarbageInput) {
    expectError([] { decodeDocument("GIF89a............"); }, ErrorKind::UnsupportedMediaType,
                "unsupported_media_type");
    expectError([] { decodeDocument(""); }, ErrorKind::UnsupportedMediaType,
                "unsupported_media_type");
    std::string garbage(5000, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>(i * 7919 % 251);
    struct Case {
        const char* name;
        std::string magic;
    } cases[] = {
        {"tiff", std::string("II*\0", 4)},
        {"tiff big-endian", std::string("MM\0*", 4)},
        {"png", "\x89PNG\r\n\x1a\n"},
        {"jpeg", "\xFF\xD8\xFF\xE0"},
        {"pdf", "%PDF-1.4\n"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        expectError([&] { decodeDocument(c.magic + garbage); }, ErrorKind::BadRequest,
                    "image_corrupt");
    }
}

TEST(DocumentDecoder, RejectsTruncatedFiles) {
    const PageImage page = a4Page();
    struct Case {
        const char* name;
        std::string bytes;
    } cases[] = {
        {"tiff", writeBilevelTiff({page, page}, 200, 200)},
        {"png", writePng(page)},
        {"jpeg", writeJpeg(page, 80, 200)},
        {"pdf", writePdf({page}, 200)},
    };
    for (const Case& c : cases) {
        for (double keep : {0.3, 0.6, 0.95}) {
            SCOPED_TRACE(std::string(c.name) + " " + std::to_string(keep));
            const std::string cut =
                c.bytes.substr(0, static_cast<std::size_t>(c.bytes.size() * keep));
            expectError([&] { decodeDocument(cut); }, ErrorKind::BadRequest, "image_corrupt");
        }
    }
}

TEST(DocumentDecoder, RejectsAPngClaimingTenGigapixelsBeforeDecoding) {
    expectError([] { decodeDocument(pngClaiming(100000, 100000)); }, ErrorKind::BadRequest,
                "image_too_large", 0.5);
}

TEST(DocumentDecoder, RejectsATiffClaimingTenGigapixelsBeforeDecoding) {
    expectError([] { decodeDocument(tiffClaiming(100000, 100000)); }, ErrorKind::BadRequest,
                "image_too_large", 0.5);
    // The same file with a plausible size gets as far as its (bogus) strip: the size alone
    // was refused above.
    expectError([] { decodeDocument(tiffClaiming(64, 1)); }, ErrorKind::BadRequest,
                "image_corrupt");
}

TEST(DocumentDecoder, RejectsAPdfWithTenThousandPages) {
    const std::string pdf = minimalPdf(10000, 595, 842);
    expectError([&] { decodeDocument(pdf); }, ErrorKind::BadRequest, "too_many_pages");
}

TEST(DocumentDecoder, RejectsAPdfWithAHugeMediaBox) {
    expectError([] { decodeDocument(minimalPdf(1, 14400, 14400)); }, ErrorKind::BadRequest,
                "image_too_large", 1.0);
    expectError([] { decodeDocument(minimalPdf(1, 1e12, 1e12)); }, ErrorKind::BadRequest,
                "image_too_large", 1.0);
}

TEST(DocumentDecoder, EnforcesPageAndPixelLimits) {
    const PageImage page = blankPage(1000, 1000, 200);
    DecodeLimits limits;
    limits.max_pages = 2;
    expectError(
        [&] {
            decodeDocument(writeBilevelTiff({page, page, page}, 200, 200), limits);
        },
        ErrorKind::BadRequest, "too_many_pages");
    expectError(
        [&] {
            decodeDocument(writePdf({page, page, page}, 200), limits);
        },
        ErrorKind::BadRequest, "too_many_pages");

    limits = {};
    limits.max_pixels_per_page = 999'999;
    for (const std::string& bytes : {writeBilevelTiff({page}, 200, 200), writePng(page),
                                     writeJpeg(page, 50, 200), writePdf({page}, 200)}) {
        expectError([&] { decodeDocument(bytes, limits); }, ErrorKind::BadRequest,
                    "image_too_large");
    }

    // A 200×100 dpi page counts with its stretched height.
    limits = {};
    limits.max_pixels_per_page = 1'500'000;
    expectError([&] { decodeDocument(writeBilevelTiff({page}, 200, 100), limits); },
                ErrorKind::BadRequest, "image_too_large");

    limits = {};
    limits.max_total_pixels = 2'500'000;
    expectError(
        [&] {
            decodeDocument(writeBilevelTiff({page, page, page}, 200, 200), limits);
        },
        ErrorKind::BadRequest, "image_too_large");

    limits = {};
    limits.max_input_bytes = 100;
    expectError([&] { decodeDocument(writePng(page), limits); }, ErrorKind::PayloadTooLarge,
                "document_too_large");
}

}  // namespace
}  // namespace rxdesk::imaging
