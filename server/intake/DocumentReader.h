#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "prescription/Finding.h"

namespace rxdesk::intake {

/// One page of a submitted document, ready to be stored: the full page and a small
/// preview for the browser, both PNG.
struct ReadPage {
    std::string png;
    std::string preview_png;
};

/// What could be read from a submitted image or PDF.
struct ReadDocument {
    std::string media_type;  ///< sniffed from the bytes, never taken from the request
    std::vector<ReadPage> pages;
    std::optional<std::string> jahis_text;  ///< the QR codes' JAHIS text, when readable
    std::vector<prescription::Finding> findings;  ///< what the QR reading reported
};

/// Port: turns a fax, scan or photo into pages and the JAHIS text of its QR codes.
class DocumentReader {
public:
    virtual ~DocumentReader() = default;

    /// Throws Error(UnsupportedMediaType) for a type it does not read and Error(BadRequest,
    /// "image_corrupt" / "image_too_large" / "too_many_pages") for documents it refuses.
    virtual ReadDocument read(std::string_view bytes) = 0;
};

}  // namespace rxdesk::intake
