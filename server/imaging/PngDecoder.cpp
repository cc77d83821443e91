#include <png.h>

#include <cstring>

#include "imaging/FormatDecoders.h"
#include "imaging/PageOps.h"

namespace rxdesk::imaging {

namespace {

std::uint32_t bigEndian32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}

// The simplified libpng API does not expose pHYs, so walk the chunks before IDAT.
void readPhysicalDpi(std::string_view bytes, PageImage& page) {
    std::size_t pos = 8;
    while (pos + 12 <= bytes.size()) {
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.data() + pos);
        const std::uint32_t length = bigEndian32(p);
        if (length > bytes.size() - pos - 12) return;
        if (std::memcmp(p + 4, "IDAT", 4) == 0) return;
        if (std::memcmp(p + 4, "pHYs", 4) == 0 && length == 9 && p[16] == 1) {
            constexpr double kInchesPerMetre = 0.0254;
            page.x_dpi = bigEndian32(p + 8) * kInchesPerMetre;
            page.y_dpi = bigEndian32(p + 12) * kInchesPerMetre;
            return;
        }
        pos += 12 + length;
    }
}

struct ImageFreer {
    png_image* image;
    ~ImageFreer() { png_image_free(image); }
};

}  // namespace

// The simplified API catches libpng's errors itself (no longjmp through our frames, no
// output to stderr) and reports them in image.message.
void decodePng(std::string_view bytes, PageBudget& budget, std::vector<PageImage>& out) {
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    ImageFreer freer{&image};
    if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) {
        throwCorrupt("PNG", image.message);
    }
    PageImage page;
    readPhysicalDpi(bytes, page);
    const auto [final_width, final_height] =
        squaredSize(image.width, image.height, page.x_dpi, page.y_dpi);
    if (static_cast<std::int64_t>(image.width) * image.height >
        budget.limits().max_pixels_per_page) {
        throwTooLarge("PNG");
    }
    budget.admitPage(final_width, final_height);

    page.width = static_cast<int>(image.width);
    page.height = static_cast<int>(image.height);
    page.pixels.resize(static_cast<std::size_t>(page.width) * page.height);
    image.format = PNG_FORMAT_GRAY;
    // Transparent areas become paper white.
    png_color white{255, 255, 255};
    if (!png_image_finish_read(&image, &white, page.pixels.data(), 0, nullptr)) {
        throwCorrupt("PNG", image.message);
    }
    out.push_back(squarePixels(std::move(page)));
}

}  // namespace rxdesk::imaging
