#include <gtest/gtest.h>

#include <set>

#include "GuidanceTestSupport.h"
#include "core/TextEncoding.h"
#include "guidance/ICalendarFeed.h"

namespace rxdesk::guidance {
namespace {

using test::at;

// Splits a feed into physical lines, failing on any line ending other than CRLF.
std::vector<std::string> physicalLines(const std::string& feed) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < feed.size()) {
        auto crlf = feed.find("\r\n", pos);
        EXPECT_NE(crlf, std::string::npos) << "feed does not end with CRLF";
        if (crlf == std::string::npos) break;
        std::string line = feed.substr(pos, crlf - pos);
        EXPECT_EQ(line.find('\n'), std::string::npos) << "bare LF in: " << line;
        EXPECT_EQ(line.find('\r'), std::string::npos) << "bare CR in: " << line;
        lines.push_back(line);
        pos = crlf + 2;
    }
    return lines;
}

// RFC 5545 §3.1 unfolding, written independently of the generator.
std::vector<std::string> contentLines(const std::string& feed) {
    std::vector<std::string> out;
    for (const auto& line : physicalLines(feed)) {
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
            EXPECT_FALSE(out.empty());
            if (!out.empty()) out.back() += line.substr(1);
        } else {
            out.push_back(line);
        }
    }
    return out;
}

std::vector<std::string> valuesOf(const std::vector<std::string>& lines, const std::string& name) {
    std::vector<std::string> values;
    for (const auto& l : lines) {
        auto sep = l.find_first_of(":;");
        if (sep != std::string::npos && l.substr(0, sep) == name) values.push_back(l);
    }
    return values;
}

CalendarEntry entry(std::string id, const char* start, const char* end, std::string initials) {
    CalendarEntry e;
    e.appointment_id = std::move(id);
    e.start = at(start);
    e.end = at(end);
    e.patient_initials = std::move(initials);
    return e;
}

std::vector<CalendarEntry> twoAppointments() {
    return {entry("ap-2", "2026-11-24T11:00:00+09:00", "2026-11-24T11:10:00+09:00", "Y.T."),
            entry("ap-1", "2026-11-24T10:00:00+09:00", "2026-11-24T10:10:00+09:00", "HS")};
}

CalendarFeedOptions options(CalendarTimeStyle style = CalendarTimeStyle::TokyoWithVTimezone) {
    CalendarFeedOptions o;
    o.uid_domain = "pharmacy.example.jp";
    o.time_style = style;
    o.generated_at = at("2026-11-21T05:00:00Z");
    return o;
}

TEST(ICalendarFeed, IsAWellFormedCalendarWithCrlfEndings) {
    const std::string feed = renderCalendarFeed(twoAppointments(), options());
    ASSERT_GE(feed.size(), 2u);
    EXPECT_EQ(feed.substr(feed.size() - 2), "\r\n");
    auto lines = contentLines(feed);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
    EXPECT_EQ(lines.back(), "END:VCALENDAR");
    EXPECT_EQ(valuesOf(lines, "VERSION"), (std::vector<std::string>{"VERSION:2.0"}));
    EXPECT_EQ(valuesOf(lines, "PRODID").size(), 1u);
    EXPECT_EQ(valuesOf(lines, "BEGIN").size(), 5u);  // VCALENDAR, VTIMEZONE, STANDARD, 2 VEVENTs
    EXPECT_EQ(valuesOf(lines, "BEGIN").size(), valuesOf(lines, "END").size());
    int events = 0;
    for (const auto& l : lines) events += l == "BEGIN:VEVENT";
    EXPECT_EQ(events, 2);
}

TEST(ICalendarFeed, TokyoStyleUsesAVTimezoneAndLocalTimes) {
    auto lines = contentLines(renderCalendarFeed(twoAppointments(), options()));
    for (const char* expected : {"BEGIN:VTIMEZONE", "TZID:Asia/Tokyo", "TZOFFSETFROM:+0900",
                                 "TZOFFSETTO:+0900", "END:VTIMEZONE"})
        EXPECT_NE(std::find(lines.begin(), lines.end(), expected), lines.end()) << expected;
    // DTSTART[0] is the VTIMEZONE's own STANDARD onset.
    EXPECT_EQ(valuesOf(lines, "DTSTART"),
              (std::vector<std::string>{"DTSTART:19700101T000000",
                                        "DTSTART;TZID=Asia/Tokyo:20261124T100000",
                                        "DTSTART;TZID=Asia/Tokyo:20261124T110000"}));
    EXPECT_EQ(valuesOf(lines, "DTEND")[0], "DTEND;TZID=Asia/Tokyo:20261124T101000");
    // DTSTAMP is always UTC.
    EXPECT_EQ(valuesOf(lines, "DTSTAMP")[0], "DTSTAMP:20261121T050000Z");
}

TEST(ICalendarFeed, UtcStyleHasNoTimezoneComponent) {
    const std::string feed = renderCalendarFeed(twoAppointments(), options(CalendarTimeStyle::Utc));
    auto lines = contentLines(feed);
    EXPECT_EQ(feed.find("VTIMEZONE"), std::string::npos);
    EXPECT_EQ(feed.find("TZID"), std::string::npos);
    EXPECT_EQ(valuesOf(lines, "DTSTART"),
              (std::vector<std::string>{"DTSTART:20261124T010000Z", "DTSTART:20261124T020000Z"}));
    EXPECT_EQ(valuesOf(lines, "DTEND")[0], "DTEND:20261124T011000Z");
}

TEST(ICalendarFeed, EventsAreSortedAndHaveOneStableUidEach) {
    auto lines = contentLines(renderCalendarFeed(twoAppointments(), options()));
    auto uids = valuesOf(lines, "UID");
    EXPECT_EQ(uids, (std::vector<std::string>{"UID:rxdesk-appt-ap-1@pharmacy.example.jp",
                                              "UID:rxdesk-appt-ap-2@pharmacy.example.jp"}));
    // Re-rendering later (new DTSTAMP) keeps the UIDs, so clients update instead of duplicating.
    auto later = options();
    later.generated_at = at("2026-11-22T05:00:00Z");
    EXPECT_EQ(valuesOf(contentLines(renderCalendarFeed(twoAppointments(), later)), "UID"), uids);
}

TEST(ICalendarFeed, UidEscapesUnsafeCharactersOfTheAppointmentId) {
    auto e = entry("ap 7/ä", "2026-11-24T10:00:00+09:00", "2026-11-24T10:10:00+09:00", "");
    auto lines = contentLines(renderCalendarFeed({e}, options()));
    EXPECT_EQ(valuesOf(lines, "UID")[0], "UID:rxdesk-appt-ap%207%2F%C3%A4@pharmacy.example.jp");
}

TEST(ICalendarFeed, CancelledAndRescheduledAppointmentsCarryStatusAndSequence) {
    auto entries = twoAppointments();
    entries[0].status = CalendarEntryStatus::Cancelled;
    entries[0].sequence = 2;
    entries[0].last_modified = at("2026-11-20T01:02:03Z");
    auto lines = contentLines(renderCalendarFeed(entries, options()));
    // Sorted: ap-1 (10:00) then ap-2 (11:00, the cancelled one).
    EXPECT_EQ(valuesOf(lines, "STATUS"),
              (std::vector<std::string>{"STATUS:CONFIRMED", "STATUS:CANCELLED"}));
    EXPECT_EQ(valuesOf(lines, "SEQUENCE"), (std::vector<std::string>{"SEQUENCE:0", "SEQUENCE:2"}));
    EXPECT_EQ(valuesOf(lines, "LAST-MODIFIED"),
              (std::vector<std::string>{"LAST-MODIFIED:20261120T010203Z"}));
}

TEST(ICalendarFeed, ShowsInitialsButNeverAName) {
    struct Case {
        const char* given;
        const char* summary;
    } cases[] = {
        {"Y.T.", "SUMMARY:オンライン服薬指導 Y.T."},
        {"YT", "SUMMARY:オンライン服薬指導 Y.T."},
        {"Y T", "SUMMARY:オンライン服薬指導 Y.T."},
        {"", "SUMMARY:オンライン服薬指導"},
        {"山田太郎", "SUMMARY:オンライン服薬指導"},
        {"ヤマダ タロウ", "SUMMARY:オンライン服薬指導"},
        {"Taro Yamada", "SUMMARY:オンライン服薬指導"},
        {"TARO", "SUMMARY:オンライン服薬指導"},
        {"y.t.", "SUMMARY:オンライン服薬指導"},
    };
    for (const auto& c : cases) {
        auto e = entry("ap-1", "2026-11-24T10:00:00+09:00", "2026-11-24T10:10:00+09:00", c.given);
        const std::string feed = renderCalendarFeed({e}, options());
        auto lines = contentLines(feed);
        EXPECT_EQ(valuesOf(lines, "SUMMARY"), (std::vector<std::string>{c.summary})) << c.given;
        if (std::string(c.given).size() > 4) {
            EXPECT_EQ(feed.find(c.given), std::string::npos) << c.given;
        }
        EXPECT_EQ(valuesOf(lines, "DESCRIPTION").size(), 0u);
        EXPECT_EQ(valuesOf(lines, "CLASS"), (std::vector<std::string>{"CLASS:PRIVATE"}));
    }
}

TEST(ICalendarFeed, EscapesTextValues) {
    struct Case {
        const char* in;
        const char* out;
    } cases[] = {
        {"plain", "plain"},
        {"a,b", "a\\,b"},
        {"a;b", "a\\;b"},
        {"a\\b", "a\\\\b"},
        {"line1\nline2", "line1\\nline2"},
        {"line1\r\nline2", "line1\\nline2"},
        {"line1\rline2", "line1\\nline2"},
        {"bell\a and nul-free", "bell and nul-free"},
        {"tab\tkept", "tab\tkept"},
        {"薬局：渋谷店, 2F", "薬局：渋谷店\\, 2F"},
    };
    for (const auto& c : cases) EXPECT_EQ(escapeText(c.in), c.out) << c.in;

    auto o = options();
    o.calendar_name = "服薬指導; 本店, 2F\nテスト";
    auto lines = contentLines(renderCalendarFeed({}, o));
    EXPECT_EQ(valuesOf(lines, "X-WR-CALNAME"),
              (std::vector<std::string>{"X-WR-CALNAME:服薬指導\\; 本店\\, 2F\\nテスト"}));
}

TEST(ICalendarFeed, LineBreaksInInputCannotInjectProperties) {
    auto o = options();
    o.uid_domain = "x\r\nATTENDEE:mailto:evil@example.com";
    auto e = entry("ap\r\nATTACH:http://evil", "2026-11-24T10:00:00+09:00",
                   "2026-11-24T10:10:00+09:00", "Y.T.");
    auto lines = contentLines(renderCalendarFeed({e}, o));
    EXPECT_TRUE(valuesOf(lines, "ATTENDEE").empty());
    EXPECT_TRUE(valuesOf(lines, "ATTACH").empty());
}

TEST(ICalendarFeed, FoldsLongLinesAt75OctetsWithoutSplittingCharacters) {
    auto o = options();
    std::string name;
    for (int i = 0; i < 40; ++i) name += "薬";  // 120 octets of 3-byte characters
    name += "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789";
    o.calendar_name = name;
    const std::string feed = renderCalendarFeed(twoAppointments(), o);
    bool folded = false;
    for (const auto& line : physicalLines(feed)) {
        EXPECT_LE(line.size(), 75u) << line;
        EXPECT_TRUE(isValidUtf8(line)) << line;  // no UTF-8 sequence cut in two
        folded |= !line.empty() && line[0] == ' ';
    }
    EXPECT_TRUE(folded);
    EXPECT_EQ(valuesOf(contentLines(feed), "X-WR-CALNAME"),
              (std::vector<std::string>{"X-WR-CALNAME:" + name}));
}

TEST(ICalendarFeed, FoldLineBoundaries) {
    const std::string l75(75, 'a');
    EXPECT_EQ(foldLine(l75), l75 + "\r\n");
    EXPECT_EQ(foldLine(l75 + "b"), l75 + "\r\n b\r\n");
    // Continuation lines carry 74 content octets plus the leading space.
    const std::string long_line = l75 + std::string(74, 'b') + "c";
    EXPECT_EQ(foldLine(long_line), l75 + "\r\n " + std::string(74, 'b') + "\r\n c\r\n");
    // 74 ASCII + one 3-byte character: the character moves to the next line whole.
    const std::string mixed = std::string(74, 'a') + "薬";
    EXPECT_EQ(foldLine(mixed), std::string(74, 'a') + "\r\n 薬\r\n");
    EXPECT_EQ(foldLine(""), "\r\n");
}

TEST(ICalendarFeed, SafeInitialsAcceptsOnlyInitials) {
    struct Case {
        const char* in;
        const char* out;
    } cases[] = {
        {"Y.T.", "Y.T."}, {"YT", "Y.T."}, {"Y", "Y."},  {"A.B.C.", "A.B.C."},
        {"ABCD", ""},     {"Yt", ""},     {"y.t.", ""}, {"山田", ""},
        {"ヤ.タ.", ""},   {"Y-T", ""},    {"", ""},     {". .", ""},
    };
    for (const auto& c : cases) EXPECT_EQ(safeInitials(c.in), c.out) << c.in;
}

TEST(ICalendarFeed, EmptyFeedIsStillAValidCalendar) {
    auto lines = contentLines(renderCalendarFeed({}, options(CalendarTimeStyle::Utc)));
    EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
    EXPECT_EQ(lines.back(), "END:VCALENDAR");
    EXPECT_TRUE(valuesOf(lines, "UID").empty());
}

}  // namespace
}  // namespace rxdesk::guidance
