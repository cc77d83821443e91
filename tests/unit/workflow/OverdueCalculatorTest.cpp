#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/Error.h"
#include "workflow/OverdueCalculator.h"

namespace rxdesk::workflow {
namespace {

Date d(const char* text) {
    return *parseDate(text);
}

OverdueCalculator defaultCalculator() {
    return OverdueCalculator(BusinessCalendar{}, OriginalDeadlinePolicy{});
}

TEST(OverdueCalculator, DueDateIsTheEarlierOfMailDeadlineAndClaimCutoff) {
    OriginalDeadlinePolicy policy;
    policy.days_after_dispensing_by_clinic["clinic-weekly"] = 14;
    const OverdueCalculator calc(BusinessCalendar{}, policy);
    const struct {
        const char* description;
        const char* clinic;
        const char* dispensed;
        const char* due;
        DueReason reason;
        const char* cutoff;
    } cases[] = {
        {"mid-month: 7 days", "c", "2026-11-10", "2026-11-17", DueReason::MailDeadline,
         "2026-12-03"},
        {"mail deadline on a Saturday moves to Monday", "c", "2026-11-07", "2026-11-16",
         DueReason::MailDeadline, "2026-12-03"},
        {"mail deadline on a holiday moves on", "c", "2026-01-05", "2026-01-13",
         DueReason::MailDeadline, "2026-02-04"},
        {"month end: claim cut-off binds", "c", "2026-01-30", "2026-02-04", DueReason::ClaimCutoff,
         "2026-02-04"},
        {"month end, last day", "c", "2026-03-31", "2026-04-03", DueReason::ClaimCutoff,
         "2026-04-03"},
        {"year end: deadline in the closure moves to January", "c", "2025-12-26", "2026-01-05",
         DueReason::MailDeadline, "2026-01-07"},
        {"year end: weekly clinic bound by January cut-off", "clinic-weekly", "2025-12-26",
         "2026-01-07", DueReason::ClaimCutoff, "2026-01-07"},
        {"golden week", "c", "2026-04-28", "2026-05-07", DueReason::MailDeadline, "2026-05-08"},
        {"per-clinic longer deadline hits the cut-off", "clinic-weekly", "2026-04-30", "2026-05-08",
         DueReason::ClaimCutoff, "2026-05-08"},
        {"per-clinic longer deadline mid-month", "clinic-weekly", "2026-11-02", "2026-11-16",
         DueReason::MailDeadline, "2026-12-03"},
        {"deadline inside golden week", "c", "2026-04-27", "2026-05-07", DueReason::MailDeadline,
         "2026-05-08"},
        {"equal dates count as mail deadline", "c", "2025-12-31", "2026-01-07",
         DueReason::MailDeadline, "2026-01-07"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.description);
        auto out = calc.evaluate({"rx", c.clinic, d(c.dispensed)}, d(c.dispensed));
        EXPECT_EQ(formatDate(out.due_on), c.due);
        EXPECT_EQ(out.due_reason, c.reason);
        ASSERT_TRUE(out.claim_cutoff_on.has_value());
        EXPECT_EQ(formatDate(*out.claim_cutoff_on), c.cutoff);
    }
}

TEST(OverdueCalculator, ArrivalOnTheDueDayIsInTime) {
    const auto calc = defaultCalculator();
    const AwaitedOriginal awaited{"rx-1", "c", d("2026-11-10")};  // due 2026-11-17

    auto before = calc.evaluate(awaited, d("2026-11-12"));
    EXPECT_FALSE(before.overdue);
    EXPECT_EQ(before.age_days, 2);
    EXPECT_EQ(before.days_until_due, 5);
    EXPECT_EQ(before.days_overdue, 0);

    auto on_due = calc.evaluate(awaited, d("2026-11-17"));
    EXPECT_FALSE(on_due.overdue);
    EXPECT_EQ(on_due.days_until_due, 0);

    auto after = calc.evaluate(awaited, d("2026-11-18"));
    EXPECT_TRUE(after.overdue);
    EXPECT_EQ(after.days_until_due, -1);
    EXPECT_EQ(after.days_overdue, 1);
    EXPECT_EQ(after.age_days, 8);
}

TEST(OverdueCalculator, OverdueAcrossMonthEndByClaimCutoff) {
    const auto calc = defaultCalculator();
    const AwaitedOriginal awaited{"rx-1", "c", d("2026-01-30")};  // due 2026-02-04
    EXPECT_FALSE(calc.evaluate(awaited, d("2026-02-04")).overdue);
    auto late = calc.evaluate(awaited, d("2026-02-05"));
    EXPECT_TRUE(late.overdue);
    EXPECT_EQ(late.due_reason, DueReason::ClaimCutoff);
    EXPECT_EQ(late.days_overdue, 1);
}

TEST(OverdueCalculator, ClaimCutoffCanBeDisabled) {
    OriginalDeadlinePolicy policy;
    policy.claim_cutoff_business_day = 0;
    const OverdueCalculator calc(BusinessCalendar{}, policy);
    auto out = calc.evaluate({"rx", "c", d("2026-01-30")}, d("2026-02-05"));
    EXPECT_EQ(formatDate(out.due_on), "2026-02-06");
    EXPECT_EQ(out.due_reason, DueReason::MailDeadline);
    EXPECT_FALSE(out.claim_cutoff_on.has_value());
    EXPECT_FALSE(out.overdue);
}

TEST(OverdueCalculator, CalendarSettingsShiftTheDeadline) {
    BusinessCalendarSettings settings;
    settings.annual_closures.clear();
    settings.closed_weekdays = {0};
    const OverdueCalculator calc(BusinessCalendar{settings}, OriginalDeadlinePolicy{});
    // 2025-12-26 + 7 = 2026-01-02, open when there is no year-end closure.
    EXPECT_EQ(formatDate(calc.evaluate({"rx", "c", d("2025-12-26")}, d("2025-12-26")).due_on),
              "2026-01-02");
}

TEST(OverdueCalculator, OrdersMostOverdueFirstThenNearestDue) {
    const auto calc = defaultCalculator();
    const std::vector<AwaitedOriginal> awaited{
        {"due-soon", "c", d("2026-11-16")},       // due 11-24 (11-23 holiday)
        {"overdue-1", "c", d("2026-11-09")},      // due 11-16
        {"due-later", "c", d("2026-11-19")},      // due 11-26
        {"overdue-9", "c", d("2026-10-30")},      // due min(11-06, 11-05) = 11-05
        {"also-due-soon", "c", d("2026-11-16")},  // same due date, tie on id
    };
    auto list = calc.outstanding(awaited, d("2026-11-17"));
    std::vector<std::string> ids;
    for (const auto& o : list) ids.push_back(o.prescription_id);
    EXPECT_EQ(ids, (std::vector<std::string>{"overdue-9", "overdue-1", "also-due-soon", "due-soon",
                                             "due-later"}));
    EXPECT_EQ(list[0].days_overdue, 12);
    EXPECT_EQ(list[0].due_reason, DueReason::ClaimCutoff);
    EXPECT_EQ(list[1].days_overdue, 1);
    EXPECT_EQ(list[2].days_until_due, 7);
}

TEST(OverdueCalculator, RejectsInvalidPolicy) {
    OriginalDeadlinePolicy policy;
    policy.default_days_after_dispensing = -1;
    EXPECT_THROW(OverdueCalculator(BusinessCalendar{}, policy), Error);
    policy = {};
    policy.days_after_dispensing_by_clinic["c"] = 400;
    EXPECT_THROW(OverdueCalculator(BusinessCalendar{}, policy), Error);
    policy = {};
    policy.claim_cutoff_business_day = 25;
    try {
        OverdueCalculator(BusinessCalendar{}, policy);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), "invalid_deadline_policy");
        EXPECT_EQ(e.field(), "claim_cutoff_business_day");
    }
}

TEST(OriginalDeadlinePolicy, PerClinicOverrideFallsBackToDefault) {
    OriginalDeadlinePolicy policy;
    policy.default_days_after_dispensing = 5;
    policy.days_after_dispensing_by_clinic["A"] = 10;
    EXPECT_EQ(policy.daysAfterDispensingFor("A"), 10);
    EXPECT_EQ(policy.daysAfterDispensingFor("B"), 5);
}

}  // namespace
}  // namespace rxdesk::workflow
