#pragma once

#include <cstddef>
#include <cstdint>

namespace rxdesk::imaging {

/// Upper bounds that keep a hostile or broken upload from using unbounded memory or time.
/// Every limit is checked from the file's headers before pixels are decoded.
struct DecodeLimits {
    std::size_t max_input_bytes = 64u << 20;        ///< size of the whole file
    int max_pages = 50;                             ///< pages (TIFF directories, PDF pages)
    std::int64_t max_pixels_per_page = 40'000'000;  ///< after stretching to square pixels
    std::int64_t max_total_pixels = 200'000'000;    ///< sum over all pages
    double pdf_dpi = 200;                           ///< resolution PDF pages are rendered at
};

}  // namespace rxdesk::imaging
