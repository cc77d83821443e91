#pragma once

#include <string>
#include <vector>

#include "reports/model/Report.h"
#include "reports/render/HaruDocument.h"

namespace rxdesk::reports {

/// Prints any Report as a PDF on the report's paper (A4 or A5, portrait or landscape) with a
/// Japanese TrueType font embedded:
/// - page 1 starts with the title, subtitle and 作成日時; later pages repeat the title small;
/// - each section starts with its heading (kept with what follows), then its paragraphs,
///   then its fields as a label/value block, then the table; the column header is repeated on every
///   page the table continues on; a row taller than a whole page is split across pages;
/// - long cell text wraps by character inside its cell (Japanese line-break rules), columns
///   with wrap = false are cut with "…";
/// - subtotals and totals are emphasised; footnotes follow the last table;
/// - every page carries "n / m" at the bottom centre;
/// - an empty report (Report::isEmpty) prints 「該当なし」 under the title.
class PdfRenderer {
public:
    /// `font_path`: a TrueType (.ttf) font with Japanese glyphs.
    explicit PdfRenderer(std::string font_path = std::string(kDefaultJapaneseFontPath));

    /// Returns the PDF bytes. Throws Error(Internal, "report_malformed") when checkReport
    /// fails and Error(Internal, "pdf_error") when libharu fails (e.g. unreadable font).
    std::string render(const Report& report) const;

    /// Prints several reports into one PDF for batch printing (e.g. one handling note per
    /// parcel): each report starts on a new page and numbers its own pages "n / m"; the font
    /// is embedded once. Throws as render() does, and Error(BadRequest, "pdf_empty_batch")
    /// when `reports` is empty.
    std::string renderBatch(const std::vector<Report>& reports) const;

private:
    std::string font_path_;
};

}  // namespace rxdesk::reports
