#include "imaging/ImagingDocumentReader.h"

#include "imaging/DocumentDecoder.h"
#include "imaging/PngPreview.h"
#include "imaging/QrReader.h"
#include "imaging/QrText.h"

namespace rxdesk::imaging {

intake::ReadDocument ImagingDocumentReader::read(std::string_view bytes) {
    intake::ReadDocument doc;
    doc.media_type = std::string(mimeType(sniffMediaType(bytes)));
    std::vector<QrSymbolRead> symbols;
    for (const PageImage& page : decodeDocument(bytes, limits_)) {
        doc.pages.push_back(intake::ReadPage{encodePngPreview(page, page.width),
                                             encodePngPreview(page, preview_width_)});
        auto found = findQrCodes(page);
        symbols.insert(symbols.end(), found.begin(), found.end());
    }
    QrTextResult text = qrSymbolsToText(symbols);
    doc.jahis_text = text.utf8_text;
    doc.findings = text.findings;
    return doc;
}

}  // namespace rxdesk::imaging
