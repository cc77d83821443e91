#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/Error.h"
#include "workflow/JapaneseHolidays.h"

namespace rxdesk::workflow {
namespace {

// "YYYY-MM-DD name" per holiday, so a failure shows the whole year at a glance.
std::vector<std::string> listed(int year) {
    std::vector<std::string> out;
    for (const Holiday& h : JapaneseHolidays::holidaysIn(year))
        out.push_back(formatDate(h.date) + " " + std::string(h.name));
    return out;
}

Date d(const char* text) {
    return *parseDate(text);
}

TEST(JapaneseHolidays, Lists2024) {
    EXPECT_EQ(listed(2024),
              (std::vector<std::string>{
                  "2024-01-01 元日",       "2024-01-08 成人の日",   "2024-02-11 建国記念の日",
                  "2024-02-12 振替休日",   "2024-02-23 天皇誕生日", "2024-03-20 春分の日",
                  "2024-04-29 昭和の日",   "2024-05-03 憲法記念日", "2024-05-04 みどりの日",
                  "2024-05-05 こどもの日", "2024-05-06 振替休日",   "2024-07-15 海の日",
                  "2024-08-11 山の日",     "2024-08-12 振替休日",   "2024-09-16 敬老の日",
                  "2024-09-22 秋分の日",   "2024-09-23 振替休日",   "2024-10-14 スポーツの日",
                  "2024-11-03 文化の日",   "2024-11-04 振替休日",   "2024-11-23 勤労感謝の日",
              }));
}

TEST(JapaneseHolidays, Lists2025) {
    EXPECT_EQ(listed(2025),
              (std::vector<std::string>{
                  "2025-01-01 元日",         "2025-01-13 成人の日",   "2025-02-11 建国記念の日",
                  "2025-02-23 天皇誕生日",   "2025-02-24 振替休日",   "2025-03-20 春分の日",
                  "2025-04-29 昭和の日",     "2025-05-03 憲法記念日", "2025-05-04 みどりの日",
                  "2025-05-05 こどもの日",   "2025-05-06 振替休日",   "2025-07-21 海の日",
                  "2025-08-11 山の日",       "2025-09-15 敬老の日",   "2025-09-23 秋分の日",
                  "2025-10-13 スポーツの日", "2025-11-03 文化の日",   "2025-11-23 勤労感謝の日",
                  "2025-11-24 振替休日",
              }));
}

TEST(JapaneseHolidays, Lists2026WithCitizensHolidayInSeptember) {
    EXPECT_EQ(listed(2026), (std::vector<std::string>{
                                "2026-01-01 元日",
                                "2026-01-12 成人の日",
                                "2026-02-11 建国記念の日",
                                "2026-02-23 天皇誕生日",
                                "2026-03-20 春分の日",
                                "2026-04-29 昭和の日",
                                "2026-05-03 憲法記念日",
                                "2026-05-04 みどりの日",
                                "2026-05-05 こどもの日",
                                "2026-05-06 振替休日",
                                "2026-07-20 海の日",
                                "2026-08-11 山の日",
                                "2026-09-21 敬老の日",
                                "2026-09-22 国民の休日",
                                "2026-09-23 秋分の日",
                                "2026-10-12 スポーツの日",
                                "2026-11-03 文化の日",
                                "2026-11-23 勤労感謝の日",
                            }));
}

TEST(JapaneseHolidays, Lists2019WithEnthronementDays) {
    EXPECT_EQ(listed(2019), (std::vector<std::string>{
                                "2019-01-01 元日",
                                "2019-01-14 成人の日",
                                "2019-02-11 建国記念の日",
                                "2019-03-21 春分の日",
                                "2019-04-29 昭和の日",
                                "2019-04-30 国民の休日",
                                "2019-05-01 天皇の即位の日",
                                "2019-05-02 国民の休日",
                                "2019-05-03 憲法記念日",
                                "2019-05-04 みどりの日",
                                "2019-05-05 こどもの日",
                                "2019-05-06 振替休日",
                                "2019-07-15 海の日",
                                "2019-08-11 山の日",
                                "2019-08-12 振替休日",
                                "2019-09-16 敬老の日",
                                "2019-09-23 秋分の日",
                                "2019-10-14 体育の日",
                                "2019-10-22 即位礼正殿の儀の行われる日",
                                "2019-11-03 文化の日",
                                "2019-11-04 振替休日",
                                "2019-11-23 勤労感謝の日",
                            }));
}

TEST(JapaneseHolidays, OlympicYearsMoveSummerHolidays) {
    const struct {
        const char* date;
        const char* name;
    } cases[] = {
        {"2020-07-23", "海の日"},   {"2020-07-24", "スポーツの日"}, {"2020-08-10", "山の日"},
        {"2021-07-22", "海の日"},   {"2021-07-23", "スポーツの日"}, {"2021-08-08", "山の日"},
        {"2021-08-09", "振替休日"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(JapaneseHolidays::holidayName(d(c.date)), c.name) << c.date;
    for (const char* moved_away :
         {"2020-07-20", "2020-08-11", "2020-10-12", "2021-07-19", "2021-08-11", "2021-10-11"})
        EXPECT_FALSE(JapaneseHolidays::isHoliday(d(moved_away))) << moved_away;
}

TEST(JapaneseHolidays, EmperorsBirthdayFollowsTheReign) {
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2018-12-23")), "天皇誕生日");
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2018-12-24")), "振替休日");  // 23rd was Sunday
    EXPECT_FALSE(JapaneseHolidays::isHoliday(d("2019-12-23")));
    EXPECT_FALSE(JapaneseHolidays::isHoliday(d("2019-02-23")));
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2020-02-23")), "天皇誕生日");
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2020-02-24")), "振替休日");
}

TEST(JapaneseHolidays, SubstituteSkipsFollowingHolidaysSince2007) {
    // 2008: みどりの日 (5/4) on Sunday; 5/5 is a holiday, so the substitute is 5/6.
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2008-05-06")), "振替休日");
    // 2009: 憲法記念日 (5/3) on Sunday → 5/6 (Wednesday).
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2009-05-06")), "振替休日");
}

TEST(JapaneseHolidays, CitizensHolidayBefore2007AndSilverWeeks) {
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2005-05-04")), "国民の休日");  // Wednesday
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2004-04-29")), "みどりの日");
    EXPECT_FALSE(JapaneseHolidays::isHoliday(d("2003-05-04")));  // Sunday: no citizens' holiday
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2009-09-22")), "国民の休日");
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2015-09-22")), "国民の休日");
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2032-09-21")), "国民の休日");
}

TEST(JapaneseHolidays, HappyMondayIntroducedIn2000And2003) {
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2000-01-10")), "成人の日");
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2000-10-09")), "体育の日");
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2002-07-20")), "海の日");
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2002-09-16")), "振替休日");  // 9/15 Sunday
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2003-07-21")), "海の日");
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2003-09-15")), "敬老の日");
    EXPECT_FALSE(JapaneseHolidays::isHoliday(d("2015-08-11")));  // before 山の日
    EXPECT_EQ(JapaneseHolidays::holidayName(d("2016-08-11")), "山の日");
}

TEST(JapaneseHolidays, EquinoxesMatchGazettedDates) {
    const struct {
        const char* vernal;
        const char* autumnal;
    } cases[] = {
        {"2000-03-20", "2000-09-23"}, {"2012-03-20", "2012-09-22"}, {"2023-03-21", "2023-09-23"},
        {"2024-03-20", "2024-09-22"}, {"2025-03-20", "2025-09-23"}, {"2026-03-20", "2026-09-23"},
        {"2027-03-21", "2027-09-23"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(JapaneseHolidays::holidayName(d(c.vernal)), "春分の日") << c.vernal;
        EXPECT_EQ(JapaneseHolidays::holidayName(d(c.autumnal)), "秋分の日") << c.autumnal;
    }
}

TEST(JapaneseHolidays, EveryCoveredYearIsPlausible) {
    for (int y = JapaneseHolidays::kFirstYear; y <= JapaneseHolidays::kLastYear; ++y) {
        auto holidays = JapaneseHolidays::holidaysIn(y);
        EXPECT_GE(holidays.size(), 15u) << y;
        EXPECT_LE(holidays.size(), 24u) << y;
        for (size_t i = 0; i < holidays.size(); ++i) {
            EXPECT_EQ(int(holidays[i].date.year()), y);
            if (i > 0) {
                EXPECT_LT(holidays[i - 1].date, holidays[i].date) << y;
            }
        }
    }
}

TEST(JapaneseHolidays, OrdinaryDaysAreNotHolidays) {
    for (const char* day :
         {"2026-01-02", "2026-12-29", "2026-12-31", "2026-05-07", "2026-09-24", "2025-02-25"})
        EXPECT_FALSE(JapaneseHolidays::isHoliday(d(day))) << day;
}

TEST(JapaneseHolidays, YearsOutsideTheRangeThrow) {
    try {
        JapaneseHolidays::isHoliday(d("1999-12-31"));
        FAIL() << "expected an exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadRequest);
        EXPECT_EQ(e.code(), "date_out_of_range");
    }
    EXPECT_THROW(JapaneseHolidays::holidaysIn(2100), Error);
    EXPECT_NO_THROW(JapaneseHolidays::holidaysIn(2099));
}

}  // namespace
}  // namespace rxdesk::workflow
