#pragma once

#include <optional>
#include <string>
#include <vector>

#include "imaging/QrSymbolRead.h"
#include "prescription/Finding.h"

namespace rxdesk::imaging {

/// The JAHIS text read from a page's QR codes.
struct QrTextResult {
    std::optional<std::string> utf8_text;  ///< nullopt when no complete JAHIS text was read
    std::vector<prescription::Finding> findings;
};

/// Joins the symbols of a page (or of several pages of one fax) into JAHIS text: symbols are
/// grouped into structured-append sets (lone symbols are sets of one), each set is joined
/// with jahis::joinStructuredAppend and decoded with jahis::decodeQrPayload (UTF-8 or
/// Shift_JIS). Exactly one set whose text starts with "JAHIS" gives utf8_text, with that
/// set's join findings (e.g. "qr_parity_mismatch"); other QR codes on the page (a clinic's
/// URL) are ignored. Without such a set, utf8_text is nullopt and findings say why:
/// "qr_no_symbols", "qr_missing_symbols" and the other join errors, "qr_bad_encoding"
/// (neither UTF-8 nor Shift_JIS), "qr_not_jahis" (readable text without a JAHIS header), or
/// "qr_multiple_prescriptions" when two different JAHIS texts were found.
QrTextResult qrSymbolsToText(const std::vector<QrSymbolRead>& symbols);

}  // namespace rxdesk::imaging
