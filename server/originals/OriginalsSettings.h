#pragma once

#include <string>

namespace rxdesk::originals {

/// Settings of the originals workflow and of retention (rxdesk.originals.*,
/// rxdesk.retention.*), with their defaults.
struct OriginalsSettings {
    /// rxdesk.originals.deadline_days: days after dispensing by which the original is due,
    /// for clinics without their own clinics.original_deadline_days.
    int deadline_days = 7;
    /// rxdesk.originals.claim_cutoff_business_day: the n-th business day of the month after
    /// dispensing by which the original must be on file for the claim (0: no cut-off).
    int claim_cutoff_business_day = 3;
    /// rxdesk.originals.pharmacy_name / pharmacy_contact: the sender printed on chase letters.
    std::string pharmacy_name;
    std::string pharmacy_contact;

    /// rxdesk.retention.years: how long dispensed prescriptions are kept after completion
    /// (the law asks for 3 years; shorter is refused).
    int retention_years = 3;
    /// rxdesk.retention.enabled: whether the server runs the retention job by itself.
    bool retention_enabled = true;
    /// rxdesk.retention.interval_hours: how often the server runs it.
    int retention_interval_hours = 24;
};

}  // namespace rxdesk::originals
