#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "imaging/DecodeLimits.h"

namespace rxdesk::imaging {

/// Internal to the decoders: counts pages and pixels against DecodeLimits so that every
/// format enforces them the same way, before it allocates a page's pixels.
class PageBudget {
public:
    explicit PageBudget(const DecodeLimits& limits) : limits_(limits) {}

    /// Throws "too_many_pages" when `pages` exceeds the limit (for formats that know the
    /// count up front).
    void checkPageCount(std::int64_t pages) const;

    /// Admits one more page of width × height pixels (after any stretching). Throws
    /// "too_many_pages" or "image_too_large"; "image_corrupt" for non-positive sizes.
    void admitPage(std::int64_t width, std::int64_t height);

    const DecodeLimits& limits() const { return limits_; }

private:
    DecodeLimits limits_;
    int pages_ = 0;
    std::int64_t total_pixels_ = 0;
};

/// Throws Error(BadRequest, "image_corrupt") naming the format; `detail` is the library's
/// diagnostic (structure only, never pixel or text content).
[[noreturn]] void throwCorrupt(std::string_view format, std::string_view detail);

/// Throws Error(BadRequest, "image_too_large").
[[noreturn]] void throwTooLarge(std::string_view format);

}  // namespace rxdesk::imaging
