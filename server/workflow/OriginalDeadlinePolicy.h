#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace rxdesk::workflow {

/// When the paper original of a faxed / API-pushed prescription is due. Two deadlines apply
/// and the earlier one binds (see OverdueCalculator):
///
/// 1. Mail deadline: `days_after_dispensing` calendar days after the day of dispensing
///    (default 7; configurable per clinic, since some clinics mail daily and others weekly).
///    When that day is not a business day the deadline moves to the next business day:
///    nobody can receive the post on a closed day.
/// 2. Claim cut-off: the `claim_cutoff_business_day`-th business day (default 3) of the
///    month after the month of dispensing. Claims (調剤報酬請求) for a month are sent between
///    the 1st and the 10th of the next month, and the original must be on file and
///    reconciled before the claim for that prescription goes out; the default leaves a week
///    for chasing the clinic. 0 disables the cut-off.
struct OriginalDeadlinePolicy {
    int default_days_after_dispensing = 7;
    /// Per-clinic override of the mail deadline, keyed by the clinic's identifier.
    std::map<std::string, int, std::less<>> days_after_dispensing_by_clinic;
    int claim_cutoff_business_day = 3;

    /// The mail deadline in days for `clinic_id` (the override, else the default).
    int daysAfterDispensingFor(std::string_view clinic_id) const;

    /// Throws rxdesk::Error (BadRequest, "invalid_deadline_policy", field) when a day count is
    /// negative or over 365, or the cut-off business day is negative or over 20.
    void validate() const;
};

}  // namespace rxdesk::workflow
