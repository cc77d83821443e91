#include "guidance/SlotPlanner.h"

#include <algorithm>

#include "core/Error.h"

namespace rxdesk::guidance {
namespace {

constexpr int kMinutesPerDay = 24 * 60;

bool validInterval(const MinuteInterval& i) {
    return i.begin >= 0 && i.begin < i.end && i.end <= kMinutesPerDay;
}

unsigned weekdayIndex(Date date) {
    return std::chrono::weekday{std::chrono::sys_days{date}}.c_encoding();
}

void requireValid(const PharmacistSchedule& schedule) {
    auto findings = validateSchedule(schedule);
    if (!findings.empty())
        throw Error(ErrorKind::BadRequest, "invalid_schedule", findings.front().message_ja,
                    findings.front().field);
}

std::vector<MinuteInterval> mergeIntervals(std::vector<MinuteInterval> intervals) {
    std::sort(intervals.begin(), intervals.end(), [](const auto& a, const auto& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    std::vector<MinuteInterval> merged;
    for (const auto& i : intervals) {
        if (!merged.empty() && i.begin <= merged.back().end)
            merged.back().end = std::max(merged.back().end, i.end);
        else
            merged.push_back(i);
    }
    return merged;
}

std::vector<MinuteInterval> breakIntervals(const PharmacistSchedule& schedule, Date date) {
    std::vector<MinuteInterval> breaks = schedule.weekly_breaks[weekdayIndex(date)];
    for (const auto& e : schedule.exceptions)
        if (e.date == date && e.kind == ExceptionKind::Break) breaks.push_back(e.interval);
    return breaks;
}

// The single place that judges a grid-aligned slot, so planSlots and checkBooking cannot
// disagree.
std::optional<BookingRefusal> judgeSlot(const PharmacistSchedule& schedule, Date date,
                                        int start_minute, const std::vector<TimeRange>& existing,
                                        TimePoint now) {
    const int end_minute = start_minute + int(schedule.slot_length.count());
    for (const auto& b : breakIntervals(schedule, date))
        if (start_minute < b.end && b.begin < end_minute) return BookingRefusal::OnBreak;

    const TimePoint start = tokyoTime(date, start_minute);
    const TimeRange guarded{start - schedule.buffer,
                            start + schedule.slot_length + schedule.buffer};
    for (const auto& busy : existing)
        if (guarded.overlaps(busy)) return BookingRefusal::Overlaps;

    if (start - now < schedule.booking_cutoff) return BookingRefusal::TooLate;
    return std::nullopt;
}

Finding scheduleFinding(std::string code, std::string message, std::string field) {
    return Finding{Severity::Error, std::move(code), std::move(message), std::move(field)};
}

}  // namespace

std::string_view refusalCode(BookingRefusal refusal) {
    switch (refusal) {
        case BookingRefusal::OutsideHours:
            return "outside_hours";
        case BookingRefusal::NotAligned:
            return "not_aligned";
        case BookingRefusal::OnBreak:
            return "on_break";
        case BookingRefusal::Overlaps:
            return "overlaps";
        case BookingRefusal::TooLate:
            return "too_late";
    }
    return "unknown";
}

std::string_view refusalMessageJa(BookingRefusal refusal) {
    switch (refusal) {
        case BookingRefusal::OutsideHours:
            return "薬剤師の対応時間外です。";
        case BookingRefusal::NotAligned:
            return "予約枠の開始時刻に合っていません。";
        case BookingRefusal::OnBreak:
            return "薬剤師の休憩時間と重なっています。";
        case BookingRefusal::Overlaps:
            return "既存の予約と重なっています。";
        case BookingRefusal::TooLate:
            return "予約の受付締切を過ぎています。";
    }
    return "予約できません。";
}

std::vector<Finding> validateSchedule(const PharmacistSchedule& schedule) {
    std::vector<Finding> findings;
    for (unsigned day = 0; day < 7; ++day) {
        for (const auto& i : schedule.weekly_hours[day])
            if (!validInterval(i))
                findings.push_back(scheduleFinding(
                    "invalid_interval", "勤務時間の区間が不正です（開始 < 終了、0:00〜24:00）。",
                    "weekly_hours"));
        for (const auto& i : schedule.weekly_breaks[day])
            if (!validInterval(i))
                findings.push_back(scheduleFinding(
                    "invalid_interval", "休憩時間の区間が不正です（開始 < 終了、0:00〜24:00）。",
                    "weekly_breaks"));
    }
    for (const auto& e : schedule.exceptions) {
        if (!e.date.ok())
            findings.push_back(
                scheduleFinding("invalid_date", "例外日の日付が不正です。", "exceptions"));
        if (e.kind != ExceptionKind::DayOff && !validInterval(e.interval))
            findings.push_back(scheduleFinding(
                "invalid_interval", "例外（休憩・追加勤務）の区間が不正です。", "exceptions"));
    }
    if (schedule.slot_length.count() <= 0 || schedule.slot_length.count() > kMinutesPerDay)
        findings.push_back(scheduleFinding("invalid_slot_length",
                                           "予約枠の長さは1分以上24時間以下にしてください。",
                                           "slot_length"));
    if (schedule.buffer.count() < 0)
        findings.push_back(scheduleFinding("invalid_buffer",
                                           "予約間の余裕時間は0分以上にしてください。", "buffer"));
    if (schedule.booking_cutoff.count() < 0)
        findings.push_back(scheduleFinding("invalid_cutoff", "予約締切は0分以上にしてください。",
                                           "booking_cutoff"));
    return findings;
}

std::vector<MinuteInterval> workingIntervals(const PharmacistSchedule& schedule, Date date) {
    std::vector<MinuteInterval> hours;
    const bool day_off = std::any_of(schedule.exceptions.begin(), schedule.exceptions.end(),
                                     [&](const ScheduleException& e) {
                                         return e.date == date && e.kind == ExceptionKind::DayOff;
                                     });
    if (!day_off) hours = schedule.weekly_hours[weekdayIndex(date)];
    // Extra hours survive a day off: "closed for the holiday, but open 10–12 for guidance".
    for (const auto& e : schedule.exceptions)
        if (e.date == date && e.kind == ExceptionKind::ExtraHours) hours.push_back(e.interval);
    return mergeIntervals(std::move(hours));
}

std::vector<Slot> planSlots(const PharmacistSchedule& schedule, Date date,
                            const std::vector<TimeRange>& existing, TimePoint now) {
    requireValid(schedule);
    const int length = int(schedule.slot_length.count());
    const int stride = length + int(schedule.buffer.count());
    std::vector<Slot> slots;
    for (const auto& interval : workingIntervals(schedule, date)) {
        for (int m = interval.begin; m + length <= interval.end; m += stride) {
            Slot slot;
            slot.start = tokyoTime(date, m);
            slot.end = tokyoTime(date, m + length);
            slot.reason = judgeSlot(schedule, date, m, existing, now);
            slot.available = !slot.reason;
            slots.push_back(slot);
        }
    }
    return slots;
}

BookingCheck checkBooking(const PharmacistSchedule& schedule,
                          const std::vector<TimeRange>& existing, TimePoint start, TimePoint now) {
    requireValid(schedule);
    const Date date = tokyoDate(start);
    const auto since_midnight = start - tokyoTime(date);
    const auto whole_minutes = std::chrono::floor<std::chrono::minutes>(since_midnight);
    const int minute = int(whole_minutes.count());
    const int length = int(schedule.slot_length.count());
    const int stride = length + int(schedule.buffer.count());

    for (const auto& interval : workingIntervals(schedule, date)) {
        if (minute < interval.begin || minute + length > interval.end) continue;
        // A start with seconds (or finer) can never be on the grid.
        if (since_midnight != whole_minutes || (minute - interval.begin) % stride != 0)
            return {BookingRefusal::NotAligned};
        return {judgeSlot(schedule, date, minute, existing, now)};
    }
    return {BookingRefusal::OutsideHours};
}

}  // namespace rxdesk::guidance
