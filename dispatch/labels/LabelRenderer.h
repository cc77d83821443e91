#pragma once

#include <string>
#include <vector>

#include "dispatch/labels/LabelData.h"
#include "reports/render/HaruDocument.h"

namespace rxdesk::labels {

/// Label stock.
enum class LabelFormat {
    A6,      ///< 105 × 148 mm sheet label, portrait
    Roll62,  ///< 62 mm wide continuous roll (e.g. Brother QL), cut at 100 mm
};

/// Prints delivery labels: one page per label, any number in one PDF, the Japanese font
/// loaded and embedded once per document. Each label shows, from the top: the recipient
/// (〒, address, name 様, TEL) in a frame; the handling marks as bold boxed marks (cool-chain
/// marks reversed); delivery date and time slot; 代金引換 amount when set; the parcel number
/// as Code 128 with the number underneath, and as a QR code; the sender pharmacy.
/// Text that would not fit is shrunk, then cut with "…" (addresses keep three lines).
class LabelRenderer {
public:
    explicit LabelRenderer(std::string font_path = std::string(reports::kDefaultJapaneseFontPath));

    /// Returns the PDF bytes. Throws Error(BadRequest, "label_invalid", field
    /// "labels[i].<field>") when `labels` is empty, a parcel number is empty, longer than
    /// kMaxParcelNumberLength or not printable ASCII, a cash-on-delivery amount is negative,
    /// or text is not valid UTF-8; Error(Internal, "pdf_error") when libharu fails.
    std::string render(const std::vector<LabelData>& labels, LabelFormat format) const;

private:
    std::string font_path_;
};

/// 「¥12,345」.
std::string formatYen(std::int64_t yen);

}  // namespace rxdesk::labels
