#include "guidance/ICalendarFeed.h"

#include <algorithm>
#include <cstdio>

#include "core/TokyoTime.h"

namespace rxdesk::guidance {
namespace {

constexpr std::size_t kMaxOctets = 75;

// "20261121T143000" in the given offset.
std::string basicDateTime(TimePoint t, std::chrono::hours offset) {
    auto local = std::chrono::floor<std::chrono::seconds>(t + offset);
    auto day = std::chrono::floor<std::chrono::days>(local);
    std::chrono::year_month_day ymd{day};
    std::chrono::hh_mm_ss hms{local - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02ld%02ld%02ld", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
                  long(hms.minutes().count()), long(hms.seconds().count()));
    return buf;
}

std::string utcStamp(TimePoint t) {
    return basicDateTime(t, std::chrono::hours{0}) + "Z";
}

std::string timeProperty(std::string_view name, TimePoint t, CalendarTimeStyle style) {
    if (style == CalendarTimeStyle::Utc) return std::string(name) + ":" + utcStamp(t);
    return std::string(name) + ";TZID=Asia/Tokyo:" + basicDateTime(t, kTokyoOffset);
}

// UIDs must be stable and safe in any calendar client: keep [A-Za-z0-9._-], hex-escape the rest.
std::string uidPart(std::string_view id) {
    std::string out;
    for (unsigned char c : id) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '.' || c == '_' || c == '-') {
            out += char(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

class Lines {
public:
    void add(std::string_view line) { text_ += foldLine(line); }
    std::string take() { return std::move(text_); }

private:
    std::string text_;
};

}  // namespace

std::string escapeText(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case ';':
                out += "\\;";
                break;
            case ',':
                out += "\\,";
                break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
                out += "\\n";
                break;
            case '\n':
                out += "\\n";
                break;
            default:
                // Other controls are not allowed in TEXT and could break the line structure.
                if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) break;
                out += c;
        }
    }
    return out;
}

std::string foldLine(std::string_view line) {
    std::string out;
    std::size_t pos = 0;
    std::size_t limit = kMaxOctets;
    while (line.size() - pos > limit) {
        std::size_t cut = pos + limit;
        // Back off to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
        while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        if (cut == pos) cut = pos + limit;  // not UTF-8; cut anyway rather than loop
        out.append(line.substr(pos, cut - pos));
        out += "\r\n ";
        pos = cut;
        limit = kMaxOctets - 1;  // the leading space counts toward the 75 octets
    }
    out.append(line.substr(pos));
    out += "\r\n";
    return out;
}

std::string safeInitials(std::string_view text) {
    std::string letters;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z')
            letters += c;
        else if (c != '.' && c != ' ')
            return {};
    }
    // More than three letters is a name, not initials; lowercase or kana was refused above.
    if (letters.empty() || letters.size() > 3) return {};
    std::string out;
    for (char c : letters) {
        out += c;
        out += '.';
    }
    return out;
}

std::string renderCalendarFeed(const std::vector<CalendarEntry>& entries,
                               const CalendarFeedOptions& options) {
    std::vector<const CalendarEntry*> sorted;
    for (const auto& e : entries) sorted.push_back(&e);
    std::sort(sorted.begin(), sorted.end(), [](const CalendarEntry* a, const CalendarEntry* b) {
        return a->start != b->start ? a->start < b->start : a->appointment_id < b->appointment_id;
    });

    Lines out;
    out.add("BEGIN:VCALENDAR");
    out.add("VERSION:2.0");
    out.add("PRODID:-//rxdesk//online guidance//JA");
    out.add("CALSCALE:GREGORIAN");
    out.add("METHOD:PUBLISH");
    out.add("X-WR-CALNAME:" + escapeText(options.calendar_name));
    if (options.time_style == CalendarTimeStyle::TokyoWithVTimezone) {
        out.add("X-WR-TIMEZONE:Asia/Tokyo");
        out.add("BEGIN:VTIMEZONE");
        out.add("TZID:Asia/Tokyo");
        out.add("BEGIN:STANDARD");
        out.add("DTSTART:19700101T000000");
        out.add("TZOFFSETFROM:+0900");
        out.add("TZOFFSETTO:+0900");
        out.add("TZNAME:JST");
        out.add("END:STANDARD");
        out.add("END:VTIMEZONE");
    }
    const std::string stamp = utcStamp(options.generated_at);
    for (const CalendarEntry* e : sorted) {
        const std::string initials = safeInitials(e->patient_initials);
        out.add("BEGIN:VEVENT");
        out.add("UID:rxdesk-appt-" + uidPart(e->appointment_id) + "@" +
                escapeText(options.uid_domain));
        out.add("DTSTAMP:" + stamp);
        out.add(timeProperty("DTSTART", e->start, options.time_style));
        out.add(timeProperty("DTEND", e->end, options.time_style));
        out.add("SEQUENCE:" + std::to_string(std::max(0, e->sequence)));
        if (e->last_modified) out.add("LAST-MODIFIED:" + utcStamp(*e->last_modified));
        out.add("SUMMARY:" + escapeText(initials.empty() ? "オンライン服薬指導"
                                                         : "オンライン服薬指導 " + initials));
        out.add("CLASS:PRIVATE");
        out.add("TRANSP:OPAQUE");
        out.add(e->status == CalendarEntryStatus::Cancelled ? "STATUS:CANCELLED"
                                                            : "STATUS:CONFIRMED");
        out.add("END:VEVENT");
    }
    out.add("END:VCALENDAR");
    return out.take();
}

}  // namespace rxdesk::guidance
