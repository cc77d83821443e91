#include "workflow/BusinessCalendar.h"

#include <algorithm>

#include "core/Error.h"
#include "workflow/JapaneseHolidays.h"

namespace rxdesk::workflow {

using namespace std::chrono;

namespace {

Date nextDay(Date d) {
    return Date{sys_days{d} + days{1}};
}

}  // namespace

bool AnnualClosure::contains(Date date) const {
    const month_day md{date.month(), date.day()};
    if (first <= last) return first <= md && md <= last;
    return md >= first || md <= last;  // wraps over the new year
}

BusinessCalendar::BusinessCalendar() : BusinessCalendar(BusinessCalendarSettings{}) {}

BusinessCalendar::BusinessCalendar(BusinessCalendarSettings settings)
    : settings_(std::move(settings)) {
    const bool bad_value =
        std::any_of(settings_.closed_weekdays.begin(), settings_.closed_weekdays.end(),
                    [](unsigned wd) { return wd > 6; });
    if (bad_value || settings_.closed_weekdays.size() >= 7)
        throw Error(ErrorKind::BadRequest, "invalid_calendar",
                    "営業日の設定が不正です（すべての曜日が休業になっています）。",
                    "closed_weekdays");
}

bool BusinessCalendar::isBusinessDay(Date date) const {
    if (settings_.closed_weekdays.contains(weekday{sys_days{date}}.c_encoding())) return false;
    if (settings_.closed_on_public_holidays && JapaneseHolidays::isHoliday(date)) return false;
    for (const AnnualClosure& c : settings_.annual_closures)
        if (c.contains(date)) return false;
    return std::find(settings_.extra_closed_days.begin(), settings_.extra_closed_days.end(),
                     date) == settings_.extra_closed_days.end();
}

Date BusinessCalendar::onOrNextBusinessDay(Date date) const {
    // At least one weekday is open, but closures could still cover every day; a year of
    // closed days can only be a configuration mistake, so stop instead of looping on.
    for (int closed_days = 0; !isBusinessDay(date); ++closed_days) {
        if (closed_days > 366)
            throw Error(ErrorKind::BadRequest, "invalid_calendar",
                        "営業日の設定が不正です（1年以上営業日がありません）。", "annual_closures");
        date = nextDay(date);
    }
    return date;
}

Date BusinessCalendar::addBusinessDays(Date date, int n) const {
    if (n <= 0) return onOrNextBusinessDay(date);
    for (int i = 0; i < n; ++i) date = onOrNextBusinessDay(nextDay(date));
    return date;
}

Date BusinessCalendar::nthBusinessDay(year_month month, int n) const {
    Date first = onOrNextBusinessDay(month / 1);
    return addBusinessDays(first, std::max(n, 1) - 1);
}

}  // namespace rxdesk::workflow
