#pragma once

#include <span>
#include <vector>

#include "workflow/BusinessCalendar.h"
#include "workflow/OriginalDeadlinePolicy.h"
#include "workflow/OutstandingOriginal.h"

namespace rxdesk::workflow {

/// Computes deadlines for awaited originals and orders them by urgency. Pure: "today" is a
/// parameter (the caller takes it from Clock via tokyoDate).
///
/// due_on = min(mail deadline, claim cut-off), as described in OriginalDeadlinePolicy:
///   mail deadline  = onOrNextBusinessDay(dispensed_on + days_after_dispensing(clinic))
///   claim cut-off  = nthBusinessDay(month after dispensed_on, claim_cutoff_business_day)
/// Example with the defaults: dispensed Fri 2026-01-30 → mail deadline 2026-02-06, claim
/// cut-off 2026-02-04 (3rd business day of February) → due 2026-02-04 (ClaimCutoff).
/// Dispensed 2025-12-26 → 2026-01-02 falls in the year-end closure → mail deadline
/// 2026-01-05; cut-off 2026-01-07 → due 2026-01-05.
class OverdueCalculator {
public:
    /// Throws rxdesk::Error (BadRequest, "invalid_deadline_policy") if policy.validate() fails.
    OverdueCalculator(BusinessCalendar calendar, OriginalDeadlinePolicy policy);

    /// The deadline and status of one awaited original as of `today`.
    OutstandingOriginal evaluate(const AwaitedOriginal& awaited, Date today) const;

    /// evaluate() for each, sorted most urgent first (see moreUrgent).
    std::vector<OutstandingOriginal> outstanding(std::span<const AwaitedOriginal> awaited,
                                                 Date today) const;

    /// Urgency order: the most overdue first, then the nearest due date; ties by earlier
    /// dispensing, then prescription id (stable output for the UI). Because all entries are
    /// evaluated on the same day this is ascending due_on.
    static bool moreUrgent(const OutstandingOriginal& a, const OutstandingOriginal& b);

private:
    BusinessCalendar calendar_;
    OriginalDeadlinePolicy policy_;
};

}  // namespace rxdesk::workflow
