#include <gtest/gtest.h>

#include "core/TokyoTime.h"

using namespace rxdesk;
using namespace std::chrono;

TEST(TokyoTime, DateChangesAtTokyoMidnight) {
    auto t = *parseIso8601("2026-11-20T14:59:59Z");
    EXPECT_EQ(formatDate(tokyoDate(t)), "2026-11-20");
    EXPECT_EQ(formatDate(tokyoDate(t + seconds(1))), "2026-11-21");
    EXPECT_EQ(formatTokyo(t), "2026-11-20T23:59:59+09:00");
    EXPECT_EQ(tokyoTime(*parseDate("2026-11-21"), 9 * 60), *parseIso8601("2026-11-21T00:00:00Z"));
}

TEST(TokyoTime, ParsesOffsetsAndRejectsGarbage) {
    EXPECT_EQ(parseIso8601("2026-11-21T09:00:00+09:00"), parseIso8601("2026-11-21T00:00:00Z"));
    EXPECT_EQ(parseIso8601("2026-11-21T00:00:00.123Z"), parseIso8601("2026-11-21T00:00:00Z"));
    EXPECT_EQ(formatIso8601(*parseIso8601("2026-02-28T23:00:00-02:00")), "2026-03-01T01:00:00Z");
    for (const char* bad : {"", "2026-11-21", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
                            "2026-11-21T24:00:00Z", "2026-11-21T00:00:00", "2026-11-21T00:00:00+9"})
        EXPECT_FALSE(parseIso8601(bad)) << bad;
}

TEST(TokyoTime, RefusesYearsThatWouldOverflowTheClock) {
    // Found by the spool fuzzer: year 1014 overflowed system_clock's nanoseconds (UBSan).
    EXPECT_FALSE(parseIso8601("1014-01-01T00:00:00Z"));
    EXPECT_FALSE(parseIso8601("9999-12-31T23:59:59Z"));
    EXPECT_FALSE(parseDate("0001-01-01"));
    EXPECT_TRUE(parseIso8601("1900-01-01T00:00:00Z"));
    EXPECT_TRUE(parseDate("2199-12-31"));
}

TEST(TokyoTime, ParsesBothDateForms) {
    EXPECT_EQ(parseDate("20240229"), parseDate("2024-02-29"));
    EXPECT_FALSE(parseDate("20230229"));
    EXPECT_FALSE(parseDate("2024-2-29"));
    EXPECT_EQ(unixSeconds(fromUnixSeconds(1700000000)), 1700000000);
}
