#include "notify/ReminderPlanner.h"

#include <algorithm>

#include "core/Error.h"

namespace rxdesk::notify {

std::vector<TimePoint> planReminders(TimePoint appointment_start,
                                     const std::vector<std::chrono::minutes>& offsets,
                                     TimePoint now) {
    std::vector<TimePoint> due;
    for (auto offset : offsets) {
        // A zero or negative offset would remind at or after the start: a configuration
        // mistake, not something to skip silently.
        if (offset <= std::chrono::minutes{0})
            throw Error(ErrorKind::BadRequest, "invalid_reminder_offset",
                        "reminder offsets must be positive", "offsets");
        TimePoint at = appointment_start - offset;
        if (at >= now) due.push_back(at);
    }
    std::sort(due.begin(), due.end());
    due.erase(std::unique(due.begin(), due.end()), due.end());
    return due;
}

}  // namespace rxdesk::notify
