#pragma once

#include <array>
#include <chrono>
#include <string>
#include <vector>

#include "core/TokyoTime.h"

namespace rxdesk::guidance {

/// Minutes after midnight in Asia/Tokyo, half-open [begin, end), 0 <= begin < end <= 1440.
struct MinuteInterval {
    int begin = 0;
    int end = 0;
};

/// What a dated exception does to the weekly pattern.
enum class ExceptionKind {
    DayOff,      ///< holiday or day off: the weekly hours of that date are dropped
    Break,       ///< a break on that date (interval required): slots inside it are refused
    ExtraHours,  ///< additional working hours on that date (interval required)
};

/// A change to the weekly pattern on one Tokyo date. `interval` is ignored for DayOff.
struct ScheduleException {
    Date date;
    ExceptionKind kind = ExceptionKind::DayOff;
    MinuteInterval interval;
};

/// One pharmacist's availability for online guidance.
///
/// Working intervals of a date = the weekly hours of its weekday (unless a DayOff exception
/// covers the date) plus every ExtraHours exception on the date; overlapping or touching
/// intervals are merged. Slots start at the beginning of each merged interval and repeat
/// every `slot_length + buffer`; a slot must end within its interval. Breaks (weekly or
/// dated) do not move the grid: slots overlapping a break are refused with on_break.
struct PharmacistSchedule {
    std::string pharmacist_id;
    /// Indexed by weekday, 0 = Sunday … 6 = Saturday (std::chrono::weekday::c_encoding()).
    std::array<std::vector<MinuteInterval>, 7> weekly_hours;
    /// Recurring breaks, same indexing (e.g. a lunch break inside a long interval).
    std::array<std::vector<MinuteInterval>, 7> weekly_breaks;
    std::vector<ScheduleException> exceptions;
    /// Length of one guidance session (typically 5–10 minutes).
    std::chrono::minutes slot_length{10};
    /// Free time kept between sessions; also kept around existing appointments.
    std::chrono::minutes buffer{0};
    /// A slot cannot be booked less than this long before it starts.
    std::chrono::minutes booking_cutoff{30};
};

}  // namespace rxdesk::guidance
