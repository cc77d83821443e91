#pragma once

#include <string>
#include <vector>

#include "dispatch/labels/HandlingNoteData.h"
#include "reports/model/Report.h"
#include "reports/render/HaruDocument.h"

namespace rxdesk::labels {

/// Prints handling notes (同梱書類) on A4 or A5 portrait paper, one note (one or more pages)
/// per parcel, all in one PDF with the font embedded once. A note reads: title
/// 「お薬のお届けについて」, recipient 様 and dates; a table of drugs (name, amount, usage,
/// storage); storage instructions; what to do if the parcel arrives warm or damaged; the
/// pharmacy's contact details.
class HandlingNoteRenderer {
public:
    explicit HandlingNoteRenderer(
        std::string font_path = std::string(reports::kDefaultJapaneseFontPath));

    /// Returns the PDF bytes. Throws Error(BadRequest, "pdf_empty_batch") for no notes,
    /// Error(Internal, "report_malformed") for text that is not valid UTF-8 and
    /// Error(Internal, "pdf_error") when libharu fails.
    std::string render(const std::vector<HandlingNoteData>& notes, reports::PaperSize paper) const;

    /// The report a note is printed as (pure; exposed for tests and previews).
    static reports::Report toReport(const HandlingNoteData& note, reports::PaperSize paper);

private:
    std::string font_path_;
};

}  // namespace rxdesk::labels
