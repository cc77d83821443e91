#pragma once

#include <chrono>
#include <vector>

#include "core/Clock.h"

namespace rxdesk::notify {

/// The default reminder offsets: one day and fifteen minutes before the appointment.
inline const std::vector<std::chrono::minutes> kDefaultReminderOffsets{std::chrono::hours{24},
                                                                       std::chrono::minutes{15}};

/// When reminders for an appointment starting at `appointment_start` are due: one instant
/// `appointment_start - offset` per offset, earliest first, duplicates removed. Reminders
/// whose instant is already past (`< now`) are skipped, so booking 20 minutes ahead gives only
/// the 15-minute reminder and booking 10 minutes ahead gives none. Throws
/// Error(BadRequest, "invalid_reminder_offset") for an offset that is not positive.
std::vector<TimePoint> planReminders(TimePoint appointment_start,
                                     const std::vector<std::chrono::minutes>& offsets,
                                     TimePoint now);

}  // namespace rxdesk::notify
