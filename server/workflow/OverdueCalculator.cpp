#include "workflow/OverdueCalculator.h"

#include <algorithm>
#include <tuple>

namespace rxdesk::workflow {

using namespace std::chrono;

namespace {

int daysBetween(Date from, Date to) {
    return static_cast<int>((sys_days{to} - sys_days{from}).count());
}

}  // namespace

OverdueCalculator::OverdueCalculator(BusinessCalendar calendar, OriginalDeadlinePolicy policy)
    : calendar_(std::move(calendar)), policy_(std::move(policy)) {
    policy_.validate();
}

OutstandingOriginal OverdueCalculator::evaluate(const AwaitedOriginal& awaited, Date today) const {
    OutstandingOriginal out;
    out.prescription_id = awaited.prescription_id;
    out.clinic_id = awaited.clinic_id;
    out.dispensed_on = awaited.dispensed_on;

    const int mail_days = policy_.daysAfterDispensingFor(awaited.clinic_id);
    out.due_on =
        calendar_.onOrNextBusinessDay(Date{sys_days{awaited.dispensed_on} + days{mail_days}});
    out.due_reason = DueReason::MailDeadline;

    if (policy_.claim_cutoff_business_day > 0) {
        const year_month next_month =
            year_month{awaited.dispensed_on.year(), awaited.dispensed_on.month()} + months{1};
        const Date cutoff = calendar_.nthBusinessDay(next_month, policy_.claim_cutoff_business_day);
        out.claim_cutoff_on = cutoff;
        if (cutoff < out.due_on) {
            out.due_on = cutoff;
            out.due_reason = DueReason::ClaimCutoff;
        }
    }

    out.age_days = daysBetween(awaited.dispensed_on, today);
    out.days_until_due = daysBetween(today, out.due_on);
    out.overdue = out.days_until_due < 0;
    out.days_overdue = out.overdue ? -out.days_until_due : 0;
    return out;
}

std::vector<OutstandingOriginal> OverdueCalculator::outstanding(
    std::span<const AwaitedOriginal> awaited, Date today) const {
    std::vector<OutstandingOriginal> result;
    result.reserve(awaited.size());
    for (const AwaitedOriginal& a : awaited) result.push_back(evaluate(a, today));
    std::sort(result.begin(), result.end(), moreUrgent);
    return result;
}

bool OverdueCalculator::moreUrgent(const OutstandingOriginal& a, const OutstandingOriginal& b) {
    return std::tie(a.days_until_due, a.dispensed_on, a.prescription_id) <
           std::tie(b.days_until_due, b.dispensed_on, b.prescription_id);
}

}  // namespace rxdesk::workflow
