#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/TokyoTime.h"
#include "guidance/Finding.h"
#include "guidance/PharmacistSchedule.h"
#include "guidance/TimeRange.h"

namespace rxdesk::guidance {

/// Why a start time cannot be booked. Codes (refusalCode) are stable API values.
enum class BookingRefusal {
    OutsideHours,  ///< "outside_hours": the session would not lie inside working hours
    NotAligned,    ///< "not_aligned": inside hours but not on the slot grid
    OnBreak,       ///< "on_break": the slot overlaps a break
    Overlaps,      ///< "overlaps": the slot (plus buffer) overlaps an existing appointment
    TooLate,       ///< "too_late": the slot starts in less than booking_cutoff from now
};

/// "outside_hours", "not_aligned", "on_break", "overlaps", "too_late".
std::string_view refusalCode(BookingRefusal refusal);
/// The Japanese sentence shown to staff and patients.
std::string_view refusalMessageJa(BookingRefusal refusal);

/// One slot of a day. `reason` is set exactly when `available` is false.
struct Slot {
    TimePoint start;
    TimePoint end;
    bool available = false;
    std::optional<BookingRefusal> reason;
};

/// The result of checkBooking: ok() or a refusal.
struct BookingCheck {
    std::optional<BookingRefusal> refusal;
    bool ok() const { return !refusal.has_value(); }
};

/// Structural problems of a schedule (intervals out of range or empty, non-positive slot
/// length, negative buffer or cut-off, dated Break/ExtraHours without a valid interval).
/// Empty when the schedule is usable. Codes: invalid_interval, invalid_slot_length,
/// invalid_buffer, invalid_cutoff, invalid_date.
std::vector<Finding> validateSchedule(const PharmacistSchedule& schedule);

/// The merged, sorted working intervals of `date` (see PharmacistSchedule). Empty on a day off.
std::vector<MinuteInterval> workingIntervals(const PharmacistSchedule& schedule, Date date);

/// Every slot of `date` on the grid, in start order, with availability judged against
/// breaks, `existing` appointments (busy intervals of this pharmacist; cancelled ones must be
/// left out by the caller) widened by the buffer, and the cut-off relative to `now`.
/// When several reasons apply the first in the order on_break, overlaps, too_late is given.
/// Throws Error(BadRequest, "invalid_schedule") when validateSchedule finds a problem.
std::vector<Slot> planSlots(const PharmacistSchedule& schedule, Date date,
                            const std::vector<TimeRange>& existing, TimePoint now);

/// Whether a session of `schedule.slot_length` starting at `start` may be booked. Checks in
/// this order: outside_hours, not_aligned, on_break, overlaps, too_late; for any start that
/// planSlots returns, the answer equals that slot's availability and reason. The store must
/// still make "check + insert" atomic so that two bookings cannot both pass.
/// Throws Error(BadRequest, "invalid_schedule") when validateSchedule finds a problem.
BookingCheck checkBooking(const PharmacistSchedule& schedule,
                          const std::vector<TimeRange>& existing, TimePoint start, TimePoint now);

}  // namespace rxdesk::guidance
