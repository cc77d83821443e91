#pragma once

#include <cstdint>
#include <utility>

#include "imaging/PageImage.h"

// Internal to rxdesk_imaging: small geometric operations on grey pages, used to make fax
// pixels square, to shrink previews and to give the QR reader alternative views.
namespace rxdesk::imaging {

/// Resizes to new_width × new_height: box-averaging when shrinking (keeps thin fax strokes
/// visible as grey), bilinear when enlarging. DPI values are scaled accordingly.
PageImage resized(const PageImage& page, int new_width, int new_height);

/// Repeats or drops rows/columns (nearest neighbour) so that x_dpi == y_dpi. Used for fax
/// pages at 200×100 dpi, where doubling each row keeps the bilevel look. Ratios outside
/// 1/4..4 are treated as bogus resolution tags and ignored.
PageImage squarePixels(PageImage page);

/// The height/width a page gets from squarePixels, without doing it (for limit checks).
std::pair<std::int64_t, std::int64_t> squaredSize(std::int64_t width, std::int64_t height,
                                                  double x_dpi, double y_dpi);

/// Rotates by `degrees` (counter-clockwise) about the centre, keeping the size; uncovered
/// corners are white.
PageImage rotated(const PageImage& page, double degrees);

/// 3×3 median: removes isolated salt-and-pepper fax noise.
PageImage medianFiltered(const PageImage& page);

}  // namespace rxdesk::imaging
