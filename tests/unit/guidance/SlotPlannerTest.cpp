#include <gtest/gtest.h>

#include "GuidanceTestSupport.h"
#include "core/Error.h"
#include "guidance/SlotPlanner.h"

namespace rxdesk::guidance {
namespace {

using test::day;
using test::hm;
using test::jst;
using namespace std::chrono_literals;

constexpr unsigned kSunday = 0, kTuesday = 2, kSaturday = 6;
const char* const kTue = "2026-11-24";      // an ordinary Tuesday
const char* const kHoliday = "2026-11-23";  // 勤労感謝の日 (Monday)

// Tuesday 09:00–12:00 and 14:00–15:00, 10-minute slots, no buffer, 30-minute cut-off.
PharmacistSchedule tuesdaySchedule() {
    PharmacistSchedule s;
    s.pharmacist_id = "ph-1";
    s.weekly_hours[kTuesday] = {{hm("09:00"), hm("12:00")}, {hm("14:00"), hm("15:00")}};
    s.weekly_hours[1] = {{hm("09:00"), hm("12:00")}};  // Monday
    return s;
}

TimePoint longBefore() {
    return jst("2026-11-01", "00:00");
}

std::vector<std::string> startTimes(const std::vector<Slot>& slots) {
    std::vector<std::string> out;
    for (const auto& s : slots) out.push_back(formatTokyo(s.start).substr(11, 5));
    return out;
}

TEST(SlotPlanner, LaysTenMinuteSlotsFromTheStartOfEachWorkingInterval) {
    auto slots = planSlots(tuesdaySchedule(), day(kTue), {}, longBefore());
    ASSERT_EQ(slots.size(), 18u + 6u);
    EXPECT_EQ(startTimes(slots).front(), "09:00");
    EXPECT_EQ(startTimes(slots)[17], "11:50");
    EXPECT_EQ(startTimes(slots)[18], "14:00");
    EXPECT_EQ(startTimes(slots).back(), "14:50");
    for (const auto& s : slots) {
        EXPECT_TRUE(s.available);
        EXPECT_FALSE(s.reason.has_value());
        EXPECT_EQ(s.end - s.start, 10min);
    }
}

TEST(SlotPlanner, SlotTimesAreTokyoWallClockConvertedToUtc) {
    auto slots = planSlots(tuesdaySchedule(), day(kTue), {}, longBefore());
    ASSERT_FALSE(slots.empty());
    EXPECT_EQ(formatIso8601(slots.front().start), "2026-11-24T00:00:00Z");
    EXPECT_EQ(formatIso8601(slots.front().end), "2026-11-24T00:10:00Z");
}

TEST(SlotPlanner, UsesTheWeekdayOfTheTokyoDate) {
    // 2026-11-28 is a Saturday: no weekly hours.
    EXPECT_TRUE(planSlots(tuesdaySchedule(), day("2026-11-28"), {}, longBefore()).empty());
    auto s = tuesdaySchedule();
    s.weekly_hours[kSaturday] = {{hm("10:00"), hm("10:30")}};
    s.weekly_hours[kSunday] = {{hm("00:00"), hm("00:10")}};
    EXPECT_EQ(startTimes(planSlots(s, day("2026-11-28"), {}, longBefore())),
              (std::vector<std::string>{"10:00", "10:10", "10:20"}));
    // Sunday 00:00 JST is Saturday 15:00 UTC: the Tokyo date decides.
    auto sunday = planSlots(s, day("2026-11-29"), {}, longBefore());
    ASSERT_EQ(sunday.size(), 1u);
    EXPECT_EQ(formatIso8601(sunday[0].start), "2026-11-28T15:00:00Z");
}

TEST(SlotPlanner, SlotLengthAndBufferSetTheGridStride) {
    auto s = tuesdaySchedule();
    s.weekly_hours[kTuesday] = {{hm("09:00"), hm("10:00")}};
    s.slot_length = 10min;
    s.buffer = 5min;
    EXPECT_EQ(startTimes(planSlots(s, day(kTue), {}, longBefore())),
              (std::vector<std::string>{"09:00", "09:15", "09:30", "09:45"}));
    s.slot_length = 20min;
    s.buffer = 0min;
    EXPECT_EQ(startTimes(planSlots(s, day(kTue), {}, longBefore())),
              (std::vector<std::string>{"09:00", "09:20", "09:40"}));
}

TEST(SlotPlanner, SlotMustEndInsideItsInterval) {
    auto s = tuesdaySchedule();
    s.weekly_hours[kTuesday] = {{hm("09:00"), hm("09:25")}};
    EXPECT_EQ(startTimes(planSlots(s, day(kTue), {}, longBefore())),
              (std::vector<std::string>{"09:00", "09:10"}));
}

TEST(SlotPlanner, MergesOverlappingAndTouchingIntervalsIntoOneGrid) {
    auto s = tuesdaySchedule();
    s.weekly_hours[kTuesday] = {
        {hm("10:00"), hm("10:30")}, {hm("09:00"), hm("10:00")}, {hm("10:15"), hm("10:45")}};
    auto slots = planSlots(s, day(kTue), {}, longBefore());
    EXPECT_EQ(slots.size(), 10u);  // 09:00 … 10:30 without a seam at 10:00
    EXPECT_EQ(startTimes(slots).back(), "10:30");
}

TEST(SlotPlanner, DayOffRemovesTheWeeklyHoursOfThatDateOnly) {
    auto s = tuesdaySchedule();
    s.exceptions.push_back({day(kHoliday), ExceptionKind::DayOff, {}});
    EXPECT_TRUE(planSlots(s, day(kHoliday), {}, longBefore()).empty());
    EXPECT_EQ(planSlots(s, day(kTue), {}, longBefore()).size(), 24u);
    EXPECT_EQ(planSlots(s, day("2026-11-30"), {}, longBefore()).size(), 18u);  // next Monday
}

TEST(SlotPlanner, ExtraHoursAddSlotsEvenOnADayOff) {
    auto s = tuesdaySchedule();
    s.exceptions.push_back({day(kHoliday), ExceptionKind::DayOff, {}});
    s.exceptions.push_back({day(kHoliday), ExceptionKind::ExtraHours, {hm("13:00"), hm("13:30")}});
    s.exceptions.push_back({day(kTue), ExceptionKind::ExtraHours, {hm("18:00"), hm("18:20")}});
    EXPECT_EQ(startTimes(planSlots(s, day(kHoliday), {}, longBefore())),
              (std::vector<std::string>{"13:00", "13:10", "13:20"}));
    auto tue = startTimes(planSlots(s, day(kTue), {}, longBefore()));
    ASSERT_EQ(tue.size(), 26u);
    EXPECT_EQ(tue[24], "18:00");
    EXPECT_EQ(tue[25], "18:10");
}

TEST(SlotPlanner, WeeklyAndDatedBreaksRefuseOverlappingSlotsWithoutMovingTheGrid) {
    auto s = tuesdaySchedule();
    s.weekly_breaks[kTuesday] = {{hm("10:00"), hm("10:20")}};
    s.exceptions.push_back({day(kTue), ExceptionKind::Break, {hm("11:05"), hm("11:15")}});
    s.exceptions.push_back({day("2026-12-01"), ExceptionKind::Break, {hm("09:00"), hm("12:00")}});
    auto slots = planSlots(s, day(kTue), {}, longBefore());
    std::vector<std::string> on_break;
    for (const auto& slot : slots)
        if (slot.reason == BookingRefusal::OnBreak)
            on_break.push_back(formatTokyo(slot.start).substr(11, 5));
    EXPECT_EQ(on_break, (std::vector<std::string>{"10:00", "10:10", "11:00", "11:10"}));
    EXPECT_EQ(slots.size(), 24u);
}

TEST(SlotPlanner, ExistingAppointmentsMakeOverlappingSlotsBusy) {
    auto s = tuesdaySchedule();
    std::vector<TimeRange> existing{{jst(kTue, "09:05"), jst(kTue, "09:15")},
                                    {jst(kTue, "09:30"), jst(kTue, "09:40")}};
    auto slots = planSlots(s, day(kTue), existing, longBefore());
    std::vector<std::string> busy;
    for (const auto& slot : slots)
        if (slot.reason == BookingRefusal::Overlaps)
            busy.push_back(formatTokyo(slot.start).substr(11, 5));
    // Touching ends (09:20 after 09:15, 09:40 after 09:40) do not overlap.
    EXPECT_EQ(busy, (std::vector<std::string>{"09:00", "09:10", "09:30"}));
}

TEST(SlotPlanner, BufferIsKeptAroundExistingAppointmentsOffTheGrid) {
    auto s = tuesdaySchedule();
    s.weekly_hours[kTuesday] = {{hm("09:00"), hm("10:00")}};
    s.buffer = 5min;  // grid 09:00, 09:15, 09:30, 09:45
    struct Case {
        const char* busy_from;
        const char* busy_to;
        std::vector<std::string> busy_slots;
    } cases[] = {
        {"09:15", "09:25", {"09:15"}},           // on the grid: neighbours keep their buffer
        {"09:27", "09:37", {"09:15", "09:30"}},  // 09:15 ends 09:25, +5 reaches 09:30 > 09:27
        {"09:10", "09:15", {"09:00", "09:15"}},  // inside the buffer of both neighbours
        {"08:00", "08:55", {}},                  // ends exactly where 09:00's buffer starts
        {"08:00", "08:56", {"09:00"}},
    };
    for (const auto& c : cases) {
        auto slots =
            planSlots(s, day(kTue), {{jst(kTue, c.busy_from), jst(kTue, c.busy_to)}}, longBefore());
        std::vector<std::string> busy;
        for (const auto& slot : slots)
            if (!slot.available) busy.push_back(formatTokyo(slot.start).substr(11, 5));
        EXPECT_EQ(busy, c.busy_slots) << c.busy_from << "-" << c.busy_to;
    }
}

TEST(SlotPlanner, EmptyExistingIntervalsAreIgnored) {
    auto slots = planSlots(
        tuesdaySchedule(), day(kTue),
        {{jst(kTue, "09:05"), jst(kTue, "09:05")}, {jst(kTue, "09:30"), jst(kTue, "09:20")}},
        longBefore());
    for (const auto& slot : slots) EXPECT_TRUE(slot.available);
}

TEST(SlotPlanner, CutOffRefusesSlotsStartingTooSoonOrInThePast) {
    auto s = tuesdaySchedule();
    s.booking_cutoff = 30min;
    auto slots = planSlots(s, day(kTue), {}, jst(kTue, "09:10"));
    std::vector<std::string> late;
    for (const auto& slot : slots)
        if (slot.reason == BookingRefusal::TooLate)
            late.push_back(formatTokyo(slot.start).substr(11, 5));
    // 09:40 is exactly 30 minutes ahead: still bookable.
    EXPECT_EQ(late, (std::vector<std::string>{"09:00", "09:10", "09:20", "09:30"}));
    s.booking_cutoff = 0min;
    auto zero = planSlots(s, day(kTue), {}, jst(kTue, "09:10"));
    EXPECT_EQ(zero[0].reason, BookingRefusal::TooLate);
    EXPECT_TRUE(zero[1].available);  // starts now
}

TEST(SlotPlanner, ReportsBreakBeforeOverlapBeforeCutOff) {
    auto s = tuesdaySchedule();
    s.weekly_breaks[kTuesday] = {{hm("09:00"), hm("09:10")}};
    std::vector<TimeRange> existing{{jst(kTue, "09:00"), jst(kTue, "09:20")}};
    auto slots = planSlots(s, day(kTue), existing, jst(kTue, "11:00"));
    EXPECT_EQ(slots[0].reason, BookingRefusal::OnBreak);
    EXPECT_EQ(slots[1].reason, BookingRefusal::Overlaps);
    EXPECT_EQ(slots[2].reason, BookingRefusal::TooLate);
}

TEST(SlotPlanner, RefusesToPlanAnInvalidSchedule) {
    auto s = tuesdaySchedule();
    s.slot_length = 0min;
    try {
        planSlots(s, day(kTue), {}, longBefore());
        FAIL() << "expected an Error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), "invalid_schedule");
        EXPECT_EQ(e.kind(), ErrorKind::BadRequest);
        EXPECT_EQ(e.field(), "slot_length");
    }
    EXPECT_THROW(checkBooking(s, {}, jst(kTue, "09:00"), longBefore()), Error);
}

TEST(SlotPlanner, ValidateScheduleNamesEachProblem) {
    struct Case {
        const char* name;
        void (*mutate)(PharmacistSchedule&);
        std::vector<std::string> codes;
    } cases[] = {
        {"valid", [](PharmacistSchedule&) {}, {}},
        {"reversed interval",
         [](PharmacistSchedule& s) {
             s.weekly_hours[3] = {{hm("12:00"), hm("09:00")}};
         },
         {"invalid_interval"}},
        {"empty interval",
         [](PharmacistSchedule& s) {
             s.weekly_hours[3] = {{hm("12:00"), hm("12:00")}};
         },
         {"invalid_interval"}},
        {"past midnight",
         [](PharmacistSchedule& s) {
             s.weekly_hours[3] = {{hm("23:00"), 1441}};
         },
         {"invalid_interval"}},
        {"negative",
         [](PharmacistSchedule& s) {
             s.weekly_breaks[3] = {{-10, 30}};
         },
         {"invalid_interval"}},
        {"break exception without interval",
         [](PharmacistSchedule& s) {
             s.exceptions.push_back({day(kTue), ExceptionKind::Break, {}});
         },
         {"invalid_interval"}},
        {"day off without interval is fine",
         [](PharmacistSchedule& s) {
             s.exceptions.push_back({day(kTue), ExceptionKind::DayOff, {}});
         },
         {}},
        {"bad date",
         [](PharmacistSchedule& s) {
             s.exceptions.push_back(
                 {Date{std::chrono::year{2026} / 2 / 30}, ExceptionKind::DayOff, {}});
         },
         {"invalid_date"}},
        {"slot length",
         [](PharmacistSchedule& s) { s.slot_length = -5min; },
         {"invalid_slot_length"}},
        {"buffer", [](PharmacistSchedule& s) { s.buffer = -1min; }, {"invalid_buffer"}},
        {"cutoff", [](PharmacistSchedule& s) { s.booking_cutoff = -1min; }, {"invalid_cutoff"}},
    };
    for (const auto& c : cases) {
        auto s = tuesdaySchedule();
        c.mutate(s);
        std::vector<std::string> codes;
        for (const auto& f : validateSchedule(s)) {
            codes.push_back(f.code);
            EXPECT_FALSE(f.message_ja.empty());
            EXPECT_EQ(f.severity, Severity::Error);
        }
        EXPECT_EQ(codes, c.codes) << c.name;
    }
}

TEST(BookingCheck, AcceptsOrRefusesEachStartWithTheRightCode) {
    auto s = tuesdaySchedule();
    s.weekly_breaks[kTuesday] = {{hm("10:00"), hm("10:10")}};
    std::vector<TimeRange> existing{{jst(kTue, "11:00"), jst(kTue, "11:10")}};
    const TimePoint now = jst(kTue, "09:00");
    struct Case {
        TimePoint start;
        std::optional<BookingRefusal> expected;
    } cases[] = {
        {jst(kTue, "09:40"), std::nullopt},
        {jst(kTue, "11:50"), std::nullopt},  // last slot of the morning
        {jst(kTue, "14:50"), std::nullopt},
        {jst(kTue, "08:50"), BookingRefusal::OutsideHours},
        {jst(kTue, "11:55"), BookingRefusal::OutsideHours},  // would run past 12:00
        {jst(kTue, "12:00"), BookingRefusal::OutsideHours},
        {jst(kTue, "13:00"), BookingRefusal::OutsideHours},          // between the intervals
        {jst("2026-11-28", "10:00"), BookingRefusal::OutsideHours},  // Saturday
        {jst(kTue, "09:45"), BookingRefusal::NotAligned},
        {test::at("2026-11-24T09:40:30+09:00"), BookingRefusal::NotAligned},
        {jst(kTue, "10:00"), BookingRefusal::OnBreak},
        {jst(kTue, "11:00"), BookingRefusal::Overlaps},
        {jst(kTue, "09:20"), BookingRefusal::TooLate},  // 20 min ahead, cut-off 30
        {jst(kTue, "09:30"), std::nullopt},             // exactly 30 min ahead
        {jst(kTue, "09:00"), BookingRefusal::TooLate},  // now
    };
    for (const auto& c : cases) {
        auto result = checkBooking(s, existing, c.start, now);
        EXPECT_EQ(result.refusal, c.expected) << formatTokyo(c.start);
        EXPECT_EQ(result.ok(), !c.expected.has_value()) << formatTokyo(c.start);
    }
}

TEST(BookingCheck, AgreesWithPlanSlotsOnEverySlotOfABusyDay) {
    auto s = tuesdaySchedule();
    s.buffer = 5min;
    s.weekly_breaks[kTuesday] = {{hm("10:30"), hm("10:50")}};
    s.exceptions.push_back({day(kTue), ExceptionKind::ExtraHours, {hm("17:00"), hm("17:40")}});
    s.exceptions.push_back({day(kTue), ExceptionKind::Break, {hm("14:20"), hm("14:25")}});
    std::vector<TimeRange> existing{{jst(kTue, "09:15"), jst(kTue, "09:25")},
                                    {jst(kTue, "11:02"), jst(kTue, "11:20")},
                                    {jst(kTue, "17:15"), jst(kTue, "17:25")}};
    const TimePoint now = jst(kTue, "09:20");
    auto slots = planSlots(s, day(kTue), existing, now);
    ASSERT_GT(slots.size(), 10u);
    int available = 0;
    for (const auto& slot : slots) {
        auto check = checkBooking(s, existing, slot.start, now);
        EXPECT_EQ(check.refusal, slot.reason) << formatTokyo(slot.start);
        available += slot.available;
        // One minute later is never on the grid (stride 15).
        auto off = checkBooking(s, existing, slot.start + 1min, now);
        EXPECT_TRUE(off.refusal == BookingRefusal::NotAligned ||
                    off.refusal == BookingRefusal::OutsideHours)
            << formatTokyo(slot.start);
    }
    EXPECT_GT(available, 0);
}

TEST(BookingCheck, RefusalCodesAndMessagesAreStable) {
    struct Case {
        BookingRefusal refusal;
        const char* code;
    } cases[] = {
        {BookingRefusal::OutsideHours, "outside_hours"},
        {BookingRefusal::NotAligned, "not_aligned"},
        {BookingRefusal::OnBreak, "on_break"},
        {BookingRefusal::Overlaps, "overlaps"},
        {BookingRefusal::TooLate, "too_late"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(refusalCode(c.refusal), c.code);
        EXPECT_FALSE(refusalMessageJa(c.refusal).empty());
    }
}

}  // namespace
}  // namespace rxdesk::guidance
