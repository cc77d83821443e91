#pragma once

#include <string>

#include "imaging/PageImage.h"

namespace rxdesk::imaging {

/// Encodes `page` as an 8-bit grey PNG for the counter UI, shrunk (box-averaged, aspect
/// kept) so that it is at most `max_width` pixels wide; narrower pages keep their size.
/// Throws Error(BadRequest, "invalid_preview_width") when max_width < 1 and
/// Error(Internal, "png_encode_failed") if libpng fails (an empty page, say).
std::string encodePngPreview(const PageImage& page, int max_width);

}  // namespace rxdesk::imaging
