#include "core/TokyoTime.h"

#include <charconv>
#include <cstdio>

namespace rxdesk {
namespace {

bool parseInt(std::string_view s, int& out) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

Date tokyoDate(TimePoint t) {
    auto local = std::chrono::floor<std::chrono::days>(t + kTokyoOffset);
    return Date{local};
}

TimePoint tokyoTime(Date date, int minutes_after_midnight) {
    return std::chrono::sys_days{date} + std::chrono::minutes{minutes_after_midnight} -
           kTokyoOffset;
}

static std::string format(TimePoint t, std::chrono::hours offset, const char* suffix) {
    auto local = std::chrono::floor<std::chrono::seconds>(t + offset);
    auto day = std::chrono::floor<std::chrono::days>(local);
    Date ymd{day};
    std::chrono::hh_mm_ss hms{local - day};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld%s", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
                  long(hms.minutes().count()), long(hms.seconds().count()), suffix);
    return buf;
}

std::string formatIso8601(TimePoint t) { return format(t, std::chrono::hours{0}, "Z"); }

std::string formatTokyo(TimePoint t) { return format(t, kTokyoOffset, "+09:00"); }

std::optional<TimePoint> parseIso8601(std::string_view s) {
    // YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)
    if (s.size() < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') ||
        s[13] != ':' || s[16] != ':')
        return std::nullopt;
    int hh, mi, ss;
    auto date = parseDate(s.substr(0, 10));
    if (!date || !parseInt(s.substr(11, 2), hh) || !parseInt(s.substr(14, 2), mi) ||
        !parseInt(s.substr(17, 2), ss) || hh > 23 || mi > 59 || ss > 60)
        return std::nullopt;
    size_t pos = 19;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        if (pos == start) return std::nullopt;
    }
    std::chrono::minutes offset{0};
    std::string_view zone = s.substr(pos);
    if (zone == "Z" || zone == "z") {
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
        int oh, om;
        if (!parseInt(zone.substr(1, 2), oh) || !parseInt(zone.substr(4, 2), om) || oh > 23 ||
            om > 59)
            return std::nullopt;
        offset = std::chrono::minutes{oh * 60 + om} * (zone[0] == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    return TimePoint{std::chrono::sys_days{*date} + std::chrono::hours{hh} +
                     std::chrono::minutes{mi} + std::chrono::seconds{ss} - offset};
}

std::string formatDate(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()),
                  unsigned(d.day()));
    return buf;
}

std::optional<Date> parseDate(std::string_view s) {
    int y, m, d;
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
        if (!parseInt(s.substr(0, 4), y) || !parseInt(s.substr(5, 2), m) ||
            !parseInt(s.substr(8, 2), d))
            return std::nullopt;
    } else if (s.size() == 8) {
        if (!parseInt(s.substr(0, 4), y) || !parseInt(s.substr(4, 2), m) ||
            !parseInt(s.substr(6, 2), d))
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    // system_clock counts nanoseconds in 64 bits (about 1678–2262); dates outside the years
    // a pharmacy ever sees are refused rather than overflowing later.
    if (y < kMinYear || y > kMaxYear) return std::nullopt;
    Date date{std::chrono::year{y}, std::chrono::month{unsigned(m)}, std::chrono::day{unsigned(d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::int64_t unixSeconds(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

TimePoint fromUnixSeconds(std::int64_t s) { return TimePoint{std::chrono::seconds{s}}; }

}  // namespace rxdesk
