#include "imaging/PageBudget.h"

#include "core/Error.h"

namespace rxdesk::imaging {

void PageBudget::checkPageCount(std::int64_t pages) const {
    if (pages > limits_.max_pages) {
        throw Error(
            ErrorKind::BadRequest, "too_many_pages",
            "ページ数が多すぎます（上限 " + std::to_string(limits_.max_pages) + " ページ）");
    }
}

void PageBudget::admitPage(std::int64_t width, std::int64_t height) {
    if (width <= 0 || height <= 0) throwCorrupt("image", "empty page");
    checkPageCount(pages_ + 1);
    // Each side is bounded first so that the product cannot overflow.
    if (width > limits_.max_pixels_per_page || height > limits_.max_pixels_per_page) {
        throwTooLarge("image");
    }
    const std::int64_t pixels = width * height;
    if (pixels > limits_.max_pixels_per_page || total_pixels_ + pixels > limits_.max_total_pixels) {
        throwTooLarge("image");
    }
    ++pages_;
    total_pixels_ += pixels;
}

void throwCorrupt(std::string_view format, std::string_view detail) {
    std::string message = "画像ファイルを読み取れません（" + std::string(format);
    if (!detail.empty()) message += ": " + std::string(detail.substr(0, 200));
    message += "）";
    throw Error(ErrorKind::BadRequest, "image_corrupt", message);
}

void throwTooLarge(std::string_view format) {
    throw Error(ErrorKind::BadRequest, "image_too_large",
                "画像が大きすぎます（" + std::string(format) + "）");
}

}  // namespace rxdesk::imaging
