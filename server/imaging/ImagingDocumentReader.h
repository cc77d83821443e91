#pragma once

#include "imaging/DecodeLimits.h"
#include "intake/DocumentReader.h"

namespace rxdesk::imaging {

/// DocumentReader over this library: decodes every page within the limits, renders a
/// full-size and a preview PNG per page, and reads the JAHIS QR codes of all pages
/// together (a structured-append set may span pages).
class ImagingDocumentReader : public intake::DocumentReader {
public:
    explicit ImagingDocumentReader(DecodeLimits limits = {}, int preview_width = 800)
        : limits_(limits), preview_width_(preview_width) {}

    intake::ReadDocument read(std::string_view bytes) override;

private:
    DecodeLimits limits_;
    int preview_width_;
};

}  // namespace rxdesk::imaging
