#pragma once

#include <string>

namespace rxdesk::workflow {

/// Whether a difference is a changed value or something present on one side only.
enum class DifferenceKind {
    Changed,         ///< both sides have a value, with different content
    OnlyOnFax,       ///< written on the dispensed copy, blank or missing in the original
    OnlyInOriginal,  ///< written in the original, blank or missing on the dispensed copy
};

/// One field on which the dispensed copy and the original disagree. The values are shown to
/// pharmacists at the counter and contain patient data: never log them.
struct Difference {
    /// Stable field path. Rp and drug indexes are the numbers printed on the prescription
    /// (Rp number, sequence within the Rp), not vector offsets: "patient.name_kanji",
    /// "issue_date", "rps[2].days", "rps[1].items[3].code", "remarks".
    std::string path;
    /// Japanese label for the UI, e.g. 「Rp2 日数」「Rp1 薬品3」.
    std::string label;
    /// The value as written on each side (trimmed, not normalised; "" when blank or missing).
    std::string fax_value;
    std::string original_value;
    DifferenceKind kind = DifferenceKind::Changed;

    bool operator==(const Difference&) const = default;
};

}  // namespace rxdesk::workflow
