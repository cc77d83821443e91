#pragma once

#include "prescription/Prescription.h"
#include "workflow/ReconciliationResult.h"

namespace rxdesk::workflow {

/// Compares what was dispensed from the faxed (or API-pushed) copy with the paper original
/// when it arrives, field by field.
///
/// Compared: patient (kanji and kana name, sex, birth date), insurance (insurer number, card
/// symbol/number/branch, public funding payer and recipient per slot), institution (code,
/// prefecture, name), prescriber (kanji and kana name), issue and use-by dates, narcotic
/// licence number, refill count, every Rp (dosage form, days/times/quantity, usage text and
/// code, usage supplements) and every drug (identity by code, or by name when a side has no
/// code; amount with unit; drug supplements such as 後発品変更不可), and the remarks (as a
/// set of lines; order and numbering do not matter).
///
/// Texts are compared in comparableText() form (full/half width and white space do not
/// matter), amounts numerically ("1.0" = "１").
///
/// Rps are paired by identical drug set and Rp number, then by identical drug set alone
/// (renumbered), then by Rp number, then in order; drugs within an Rp likewise by code and
/// sequence, then code, then sequence, then order. So a drug replaced by another yields one
/// "code" difference, and a reordered or renumbered Rp yields none: never a cascade. Paths
/// use the original's numbers where a pair exists.
class Reconciler {
public:
    /// Compares the two prescriptions; `matched` is true when no difference is found.
    static ReconciliationResult compare(const prescription::Prescription& fax,
                                        const prescription::Prescription& original);

    /// The result to record when the original's data could not be read: not matched, not
    /// readable, no differences.
    static ReconciliationResult unreadableOriginal();
};

}  // namespace rxdesk::workflow
