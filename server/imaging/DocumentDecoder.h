#pragma once

#include <string_view>
#include <vector>

#include "imaging/DecodeLimits.h"
#include "imaging/PageImage.h"

namespace rxdesk::imaging {

/// The kinds of document decodeDocument understands, recognised by their magic bytes.
enum class MediaType { Unknown, Tiff, Png, Jpeg, Pdf };

/// Recognises the document type from its first bytes (the Content-Type header is not
/// trusted). Returns MediaType::Unknown for anything else.
MediaType sniffMediaType(std::string_view bytes);

/// "image/tiff", "image/png", "image/jpeg", "application/pdf", or
/// "application/octet-stream" for Unknown.
std::string_view mimeType(MediaType type);

/// Decodes every page of a TIFF (multi-page, CCITT G3/G4 fax, any usual photometric), PNG,
/// JPEG or PDF (rendered at limits.pdf_dpi) into 8-bit grey pages, in document order.
/// Fax pages with non-square pixels (200×100 dpi, 204×98 dpi) are stretched vertically.
/// Throws rxdesk::Error:
///  - UnsupportedMediaType "unsupported_media_type" when the magic bytes are not recognised;
///  - PayloadTooLarge "document_too_large" when bytes exceed limits.max_input_bytes;
///  - BadRequest "too_many_pages" when the document has more than limits.max_pages pages;
///  - BadRequest "image_too_large" when a page or the sum of pages exceeds the pixel limits
///    (checked from the headers before any pixel is decoded);
///  - BadRequest "image_corrupt" for truncated, malformed or encrypted files.
/// The libraries' own diagnostics are captured, never printed, and never include image
/// content in the Error message.
std::vector<PageImage> decodeDocument(std::string_view bytes, const DecodeLimits& limits = {});

}  // namespace rxdesk::imaging
