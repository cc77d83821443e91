#include "imaging/DocumentDecoder.h"

#include "core/Error.h"
#include "imaging/FormatDecoders.h"

namespace rxdesk::imaging {

MediaType sniffMediaType(std::string_view bytes) {
    auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
    if (starts(std::string_view("II*\0", 4)) || starts(std::string_view("MM\0*", 4)) ||
        starts(std::string_view("II+\0", 4)) || starts(std::string_view("MM\0+", 4))) {
        return MediaType::Tiff;
    }
    if (starts("\x89PNG\r\n\x1a\n")) return MediaType::Png;
    if (starts("\xFF\xD8\xFF")) return MediaType::Jpeg;
    // The PDF header may follow a little junk (some fax gateways prepend a line); readers
    // accept it within the first 1024 bytes.
    if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return MediaType::Pdf;
    return MediaType::Unknown;
}

std::string_view mimeType(MediaType type) {
    switch (type) {
        case MediaType::Tiff:
            return "image/tiff";
        case MediaType::Png:
            return "image/png";
        case MediaType::Jpeg:
            return "image/jpeg";
        case MediaType::Pdf:
            return "application/pdf";
        case MediaType::Unknown:
            break;
    }
    return "application/octet-stream";
}

std::vector<PageImage> decodeDocument(std::string_view bytes, const DecodeLimits& limits) {
    if (bytes.size() > limits.max_input_bytes) {
        throw Error(ErrorKind::PayloadTooLarge, "document_too_large",
                    "ファイルが大きすぎます（上限 " + std::to_string(limits.max_input_bytes >> 20) +
                        " MB）");
    }
    PageBudget budget(limits);
    std::vector<PageImage> pages;
    switch (sniffMediaType(bytes)) {
        case MediaType::Tiff:
            decodeTiff(bytes, budget, pages);
            break;
        case MediaType::Png:
            decodePng(bytes, budget, pages);
            break;
        case MediaType::Jpeg:
            decodeJpeg(bytes, budget, pages);
            break;
        case MediaType::Pdf:
            decodePdf(bytes, budget, pages);
            break;
        case MediaType::Unknown:
            throw Error(ErrorKind::UnsupportedMediaType, "unsupported_media_type",
                        "対応していないファイル形式です（TIFF・PNG・JPEG・PDF のみ）");
    }
    if (pages.empty()) throwCorrupt("image", "no pages");
    return pages;
}

}  // namespace rxdesk::imaging
