#include <gtest/gtest.h>

#include "jahis/JahisDate.h"

namespace rxdesk::jahis {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

constexpr Date ymd(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

struct DateCase {
    const char* text;
    std::optional<Date> expected;
};

TEST(JahisDate, ParsesGregorianAndEraDates) {
    const DateCase cases[] = {
        {"20040119", ymd(2004, 1, 19)}, {"4160119", ymd(2004, 1, 19)},  // 平成16年1月19日
        {"3350606", ymd(1960, 6, 6)},                                   // 昭和35年6月6日
        {"1450729", ymd(1912, 7, 29)},   // 明治45年7月29日, the last day of Meiji
        {"1010101", ymd(1868, 1, 1)},    // 明治元年
        {"2010730", ymd(1912, 7, 30)},   // 大正元年7月30日
        {"2151224", ymd(1926, 12, 24)},  // 大正15年12月24日
        {"3011225", ymd(1926, 12, 25)},  // 昭和元年12月25日
        {"3640107", ymd(1989, 1, 7)},    // 昭和64年1月7日
        {"4010108", ymd(1989, 1, 8)},    // 平成元年1月8日
        {"4310430", ymd(2019, 4, 30)},   // 平成31年4月30日
        {"5010501", ymd(2019, 5, 1)},    // 令和元年5月1日
        {"5081121", ymd(2026, 11, 21)},  // 令和8年11月21日
        {"5040229", std::nullopt},       // 2022 was not a leap year
        {"5060229", ymd(2024, 2, 29)},   // leap day
        {"4010107", std::nullopt},       // 平成 had not begun
        {"4310501", std::nullopt},       // 令和 had begun
        {"3011224", std::nullopt},      {"2010729", std::nullopt},
        {"6010101", std::nullopt},                                  // no sixth era yet
        {"0010101", std::nullopt},      {"5000101", std::nullopt},  // era year 0
        {"20041340", std::nullopt},     {"20040230", std::nullopt},
        {"2004011", std::nullopt},  // 7 digits but era 2 year 00
        {"200401", std::nullopt},       {"", std::nullopt},
        {"2004-01-19", std::nullopt},   {"２００４０１１９", std::nullopt},
        {"4a60119", std::nullopt},
    };
    for (const DateCase& c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(parseJahisDate(c.text), c.expected);
    }
}

TEST(JahisDate, FormatsGregorianDates) {
    EXPECT_EQ(formatJahisDate(ymd(2004, 1, 19)), "20040119");
    EXPECT_EQ(formatJahisDate(ymd(1960, 12, 6)), "19601206");
}

TEST(JahisDate, FormatsEraDatesThatParseBack) {
    struct {
        Date date;
        const char* text;
    } const cases[] = {
        {ymd(2004, 1, 19), "4160119"}, {ymd(1989, 1, 7), "3640107"},  {ymd(1989, 1, 8), "4010108"},
        {ymd(2019, 5, 1), "5010501"},  {ymd(1912, 7, 30), "2010730"}, {ymd(1868, 9, 8), "1010908"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(formatJahisEraDate(c.date), c.text);
        EXPECT_EQ(parseJahisDate(c.text), c.date);
    }
    EXPECT_EQ(formatJahisEraDate(ymd(1867, 12, 31)), std::nullopt);
}

}  // namespace
}  // namespace rxdesk::jahis
