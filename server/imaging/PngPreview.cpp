#include "imaging/PngPreview.h"

#include <png.h>

#include <cmath>
#include <cstring>

#include "core/Error.h"
#include "imaging/PageOps.h"

namespace rxdesk::imaging {

std::string encodePngPreview(const PageImage& page, int max_width) {
    if (max_width < 1) {
        throw Error(ErrorKind::BadRequest, "invalid_preview_width", "プレビューの幅が不正です",
                    "max_width");
    }
    if (page.width <= 0 || page.height <= 0 ||
        page.pixels.size() != static_cast<std::size_t>(page.width) * page.height) {
        throw Error(ErrorKind::Internal, "png_encode_failed", "空の画像は変換できません");
    }
    PageImage shrunk;
    const PageImage* source = &page;
    if (page.width > max_width) {
        const auto height = static_cast<int>(std::lround(
            static_cast<double>(page.height) * max_width / static_cast<double>(page.width)));
        shrunk = resized(page, max_width, std::max(1, height));
        source = &shrunk;
    }
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(source->width);
    image.height = static_cast<png_uint_32>(source->height);
    image.format = PNG_FORMAT_GRAY;
    png_alloc_size_t size = 0;
    // First call measures, second writes.
    if (!png_image_write_to_memory(&image, nullptr, &size, 0, source->pixels.data(), 0, nullptr)) {
        throw Error(ErrorKind::Internal, "png_encode_failed",
                    std::string("PNG を作成できません: ") + image.message);
    }
    std::string png(size, '\0');
    if (!png_image_write_to_memory(&image, png.data(), &size, 0, source->pixels.data(), 0,
                                   nullptr)) {
        throw Error(ErrorKind::Internal, "png_encode_failed",
                    std::string("PNG を作成できません: ") + image.message);
    }
    png.resize(size);
    return png;
}

}  // namespace rxdesk::imaging
