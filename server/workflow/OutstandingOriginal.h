#pragma once

#include <optional>
#include <string>

#include "core/TokyoTime.h"

namespace rxdesk::workflow {

/// A dispensed prescription whose original (原本) has not arrived: what the store hands to
/// OverdueCalculator (original state "awaiting" and a dispensing date).
struct AwaitedOriginal {
    std::string prescription_id;
    std::string clinic_id;  ///< selects the per-clinic mail deadline
    Date dispensed_on;      ///< day of dispensing, Asia/Tokyo
};

/// Which deadline set `due_on`.
enum class DueReason {
    MailDeadline,  ///< N days after dispensing (per clinic)
    ClaimCutoff,   ///< the business day of the next month before the claim is sent
};

/// One original still awaited, with its deadline as of a given day.
struct OutstandingOriginal {
    std::string prescription_id;
    std::string clinic_id;
    Date dispensed_on;
    /// The last day on which arrival is in time.
    Date due_on;
    DueReason due_reason = DueReason::MailDeadline;
    /// The claim cut-off that applies (nullopt when the policy disables it).
    std::optional<Date> claim_cutoff_on;
    /// Calendar days since dispensing (0 on the day of dispensing).
    int age_days = 0;
    /// Calendar days from today to due_on: 0 on the due day, negative once overdue.
    int days_until_due = 0;
    /// Calendar days past due_on, 0 when not overdue.
    int days_overdue = 0;
    /// today > due_on.
    bool overdue = false;
};

}  // namespace rxdesk::workflow
