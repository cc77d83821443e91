#include <gtest/gtest.h>

#include "NotifyTestSupport.h"
#include "core/Error.h"
#include "notify/ReminderPlanner.h"

namespace rxdesk::notify {
namespace {

using test::at;
using namespace std::chrono_literals;

TEST(ReminderPlanner, PlansOneReminderPerOffsetEarliestFirst) {
    const auto start = at("2026-11-24T14:30:00+09:00");
    struct Case {
        const char* now;
        std::vector<std::string> expected;
    } cases[] = {
        // Booked days ahead: both reminders.
        {"2026-11-20T10:00:00+09:00", {"2026-11-23T05:30:00Z", "2026-11-24T05:15:00Z"}},
        // Booked 20 hours ahead: the day-before reminder is already past.
        {"2026-11-23T18:30:00+09:00", {"2026-11-24T05:15:00Z"}},
        // Booked 20 minutes ahead: only the 15-minute reminder.
        {"2026-11-24T14:10:00+09:00", {"2026-11-24T05:15:00Z"}},
        // Exactly at the reminder time: still planned (due now).
        {"2026-11-24T14:15:00+09:00", {"2026-11-24T05:15:00Z"}},
        // Booked 10 minutes ahead: nothing.
        {"2026-11-24T14:20:00+09:00", {}},
        // After the start: nothing.
        {"2026-11-24T15:00:00+09:00", {}},
    };
    for (const auto& c : cases) {
        std::vector<std::string> got;
        for (auto t : planReminders(start, kDefaultReminderOffsets, at(c.now)))
            got.push_back(formatIso8601(t));
        EXPECT_EQ(got, c.expected) << c.now;
    }
}

TEST(ReminderPlanner, SortsAndDeduplicatesOffsets) {
    const auto start = at("2026-11-24T14:30:00+09:00");
    auto due = planReminders(start, {15min, 24h, 15min, 60min}, at("2026-11-01T00:00:00Z"));
    ASSERT_EQ(due.size(), 3u);
    EXPECT_EQ(due[0], start - 24h);
    EXPECT_EQ(due[1], start - 60min);
    EXPECT_EQ(due[2], start - 15min);
}

TEST(ReminderPlanner, RejectsOffsetsThatAreNotBeforeTheStart) {
    const auto start = at("2026-11-24T14:30:00+09:00");
    EXPECT_THROW(planReminders(start, {0min}, at("2026-11-01T00:00:00Z")), Error);
    EXPECT_THROW(planReminders(start, {15min, -5min}, at("2026-11-01T00:00:00Z")), Error);
}

TEST(ReminderPlanner, NoOffsetsNoReminders) {
    EXPECT_TRUE(planReminders(at("2026-11-24T14:30:00+09:00"), {}, {}).empty());
}

}  // namespace
}  // namespace rxdesk::notify
