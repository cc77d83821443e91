#pragma once

#include <chrono>
#include <set>
#include <vector>

#include "core/TokyoTime.h"

namespace rxdesk::workflow {

/// A closure repeated every year, from `first` to `last` inclusive; it may wrap over the new
/// year (Dec 29 – Jan 3).
struct AnnualClosure {
    std::chrono::month_day first;
    std::chrono::month_day last;

    /// Whether `date` falls inside the closure.
    bool contains(Date date) const;
};

/// When a pharmacy is closed. Defaults: Saturdays, Sundays, public holidays and the year-end
/// closure Dec 29 – Jan 3 (年末年始) are not business days.
struct BusinessCalendarSettings {
    /// Closed weekdays as std::chrono::weekday::c_encoding() values (0 = Sunday … 6 = Saturday).
    std::set<unsigned> closed_weekdays{0, 6};
    /// Whether public holidays (JapaneseHolidays) are closed days.
    bool closed_on_public_holidays = true;
    /// Closures repeated every year; by default the year-end closure.
    std::vector<AnnualClosure> annual_closures{
        {std::chrono::December / 29, std::chrono::January / 3}};
    /// One-off closed days (e.g. inventory day).
    std::vector<Date> extra_closed_days;
};

/// Business-day arithmetic for one pharmacy. Pure; public holidays come from
/// JapaneseHolidays, so dates must lie in its covered years (else rxdesk::Error BadRequest
/// "date_out_of_range" propagates).
class BusinessCalendar {
public:
    /// The default calendar (see BusinessCalendarSettings).
    BusinessCalendar();

    /// Throws rxdesk::Error (BadRequest, "invalid_calendar") when every weekday is closed or
    /// a weekday value is over 6, since no business day could then be found.
    explicit BusinessCalendar(BusinessCalendarSettings settings);

    /// Whether the pharmacy is open on `date`.
    bool isBusinessDay(Date date) const;

    /// `date` itself if it is a business day, else the next one after it. Throws
    /// rxdesk::Error (BadRequest, "invalid_calendar") when closures leave no business day
    /// within a year.
    Date onOrNextBusinessDay(Date date) const;

    /// The date `n` business days after `date` (n ≥ 0; n = 0 gives onOrNextBusinessDay(date)).
    /// `date` itself never counts: addBusinessDays(Friday, 1) is the next open day.
    Date addBusinessDays(Date date, int n) const;

    /// The `n`-th business day (n ≥ 1) of `month`; it may fall in a later month when the
    /// month has fewer than n business days.
    Date nthBusinessDay(std::chrono::year_month month, int n) const;

    const BusinessCalendarSettings& settings() const { return settings_; }

private:
    BusinessCalendarSettings settings_;
};

}  // namespace rxdesk::workflow
