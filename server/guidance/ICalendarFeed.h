#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Clock.h"

namespace rxdesk::guidance {

enum class CalendarEntryStatus { Confirmed, Cancelled };

/// One appointment as it appears in a pharmacist's calendar feed. Deliberately has no
/// patient name field: calendars get synced to phones and shared, so only initials go in.
struct CalendarEntry {
    std::string appointment_id;
    TimePoint start;
    TimePoint end;
    /// Patient initials such as "Y.T."; anything that does not look like initials
    /// (see safeInitials) is left out of the feed.
    std::string patient_initials;
    CalendarEntryStatus status = CalendarEntryStatus::Confirmed;
    /// Incremented by the store each time the appointment is rescheduled or cancelled.
    int sequence = 0;
    std::optional<TimePoint> last_modified;
};

/// Local times with a VTIMEZONE for Asia/Tokyo, or UTC ("...Z") times.
enum class CalendarTimeStyle { TokyoWithVTimezone, Utc };

struct CalendarFeedOptions {
    std::string calendar_name = "オンライン服薬指導";
    /// Right-hand side of every UID ("rxdesk-appt-<id>@<uid_domain>"); keep it stable.
    std::string uid_domain = "rxdesk.invalid";
    CalendarTimeStyle time_style = CalendarTimeStyle::TokyoWithVTimezone;
    /// DTSTAMP of every event (the time the feed was generated).
    TimePoint generated_at;
};

/// Renders an RFC 5545 VCALENDAR: CRLF line endings, lines folded at 75 octets (never inside
/// a UTF-8 sequence), TEXT values escaped, one VEVENT per entry (sorted by start, then id)
/// with a stable UID derived from the appointment id. Cancelled entries are kept with
/// STATUS:CANCELLED so subscribed calendars remove them.
std::string renderCalendarFeed(const std::vector<CalendarEntry>& entries,
                               const CalendarFeedOptions& options);

/// RFC 5545 TEXT escaping: backslash, semicolon, comma, newline (CR LF, LF or CR → "\n");
/// other control characters are dropped.
std::string escapeText(std::string_view text);

/// Folds one content line (without line ending) into CRLF-terminated physical lines of at
/// most 75 octets each, continuation lines starting with one space.
std::string foldLine(std::string_view line);

/// Returns normalised initials ("Y.T.") when `text` consists of one to three uppercase ASCII
/// letters, optionally separated by dots or spaces; otherwise an empty string, so a full name
/// passed by mistake ("Taro", "TARO", "山田") never reaches the feed.
std::string safeInitials(std::string_view text);

}  // namespace rxdesk::guidance
