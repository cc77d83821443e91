#include <gtest/gtest.h>

#include "core/Error.h"
#include "workflow/BusinessCalendar.h"

namespace rxdesk::workflow {
namespace {

using namespace std::chrono;

Date d(const char* text) {
    return *parseDate(text);
}

TEST(BusinessCalendar, DefaultClosesWeekendsHolidaysAndYearEnd) {
    const BusinessCalendar calendar;
    const struct {
        const char* date;
        bool open;
    } cases[] = {
        {"2026-11-20", true},   // Friday
        {"2026-11-21", false},  // Saturday
        {"2026-11-22", false},  // Sunday
        {"2026-11-23", false},  // 勤労感謝の日 (Monday)
        {"2026-12-28", true},   // last day before the closure
        {"2026-12-29", false}, {"2026-12-31", false},
        {"2027-01-01", false}, {"2027-01-03", false},  // Sunday, also closure
        {"2027-01-04", true},                          // first day after the closure
        {"2026-01-02", false},                         // Friday inside the closure
        {"2026-09-22", false},                         // 国民の休日
    };
    for (const auto& c : cases) EXPECT_EQ(calendar.isBusinessDay(d(c.date)), c.open) << c.date;
}

TEST(BusinessCalendar, YearEndClosureIsConfigurable) {
    BusinessCalendarSettings none;
    none.annual_closures.clear();
    const BusinessCalendar no_closure(none);
    EXPECT_TRUE(no_closure.isBusinessDay(d("2026-12-29")));
    EXPECT_TRUE(no_closure.isBusinessDay(d("2026-01-02")));
    EXPECT_FALSE(no_closure.isBusinessDay(d("2026-01-01")));  // still 元日

    BusinessCalendarSettings later;
    later.annual_closures = {{December / 30, January / 4}};
    const BusinessCalendar later_closure(later);
    EXPECT_TRUE(later_closure.isBusinessDay(d("2026-12-29")));
    EXPECT_FALSE(later_closure.isBusinessDay(d("2026-12-30")));
    EXPECT_FALSE(later_closure.isBusinessDay(d("2027-01-04")));
    EXPECT_TRUE(later_closure.isBusinessDay(d("2027-01-05")));
}

TEST(BusinessCalendar, ClosureWithinOneMonthDoesNotWrap) {
    const AnnualClosure obon{August / 13, August / 16};
    EXPECT_TRUE(obon.contains(d("2026-08-13")));
    EXPECT_TRUE(obon.contains(d("2026-08-16")));
    EXPECT_FALSE(obon.contains(d("2026-08-17")));
    EXPECT_FALSE(obon.contains(d("2026-01-01")));
}

TEST(BusinessCalendar, SaturdayOpeningAndExtraClosedDays) {
    BusinessCalendarSettings settings;
    settings.closed_weekdays = {0};  // open on Saturdays
    settings.extra_closed_days = {d("2026-11-20")};
    const BusinessCalendar calendar(settings);
    EXPECT_TRUE(calendar.isBusinessDay(d("2026-11-21")));
    EXPECT_FALSE(calendar.isBusinessDay(d("2026-11-20")));
    EXPECT_FALSE(calendar.isBusinessDay(d("2026-11-22")));
}

TEST(BusinessCalendar, PublicHolidaysCanBeBusinessDays) {
    BusinessCalendarSettings settings;
    settings.closed_on_public_holidays = false;
    EXPECT_TRUE(BusinessCalendar(settings).isBusinessDay(d("2026-11-23")));
}

TEST(BusinessCalendar, AddsBusinessDaysAcrossWeekendsHolidaysAndClosure) {
    const BusinessCalendar calendar;
    const struct {
        const char* from;
        int n;
        const char* expected;
    } cases[] = {
        {"2026-11-20", 0, "2026-11-20"}, {"2026-11-21", 0, "2026-11-24"},
        {"2026-11-20", 1, "2026-11-24"},  // weekend + 勤労感謝の日
        {"2026-12-25", 2, "2027-01-04"},  // 28th, then closure to Jan 3, Jan 4
        {"2026-04-30", 2, "2026-05-07"},  // 5/1, Golden Week, 5/7
        {"2026-09-18", 1, "2026-09-24"},  // silver week
    };
    for (const auto& c : cases)
        EXPECT_EQ(formatDate(calendar.addBusinessDays(d(c.from), c.n)), c.expected)
            << c.from << " + " << c.n;
}

TEST(BusinessCalendar, NthBusinessDayOfMonth) {
    const BusinessCalendar calendar;
    const struct {
        year_month month;
        int n;
        const char* expected;
    } cases[] = {
        {2026y / January, 1, "2026-01-05"},  // closure to 1/3, 1/4 Sunday
        {2026y / January, 3, "2026-01-07"}, {2026y / February, 3, "2026-02-04"},
        {2026y / May, 1, "2026-05-01"},     {2026y / May, 2, "2026-05-07"},       // Golden Week
        {2026y / March, 3, "2026-03-04"},   {2026y / November, 3, "2026-11-05"},  // 11/3 文化の日
        {2027y / January, 1, "2027-01-04"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(formatDate(calendar.nthBusinessDay(c.month, c.n)), c.expected);
}

TEST(BusinessCalendar, RejectsCalendarWithoutOpenWeekday) {
    BusinessCalendarSettings settings;
    settings.closed_weekdays = {0, 1, 2, 3, 4, 5, 6};
    EXPECT_THROW(BusinessCalendar{settings}, Error);
    settings.closed_weekdays = {7};
    EXPECT_THROW(BusinessCalendar{settings}, Error);
}

TEST(BusinessCalendar, ClosuresCoveringTheWholeYearFailInsteadOfLooping) {
    BusinessCalendarSettings settings;
    settings.annual_closures = {{January / 1, December / 31}};
    const BusinessCalendar calendar(settings);
    try {
        calendar.onOrNextBusinessDay(d("2026-03-01"));
        FAIL() << "expected an exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), "invalid_calendar");
    }
}

}  // namespace
}  // namespace rxdesk::workflow
