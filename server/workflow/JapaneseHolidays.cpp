#include "workflow/JapaneseHolidays.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "core/Error.h"

namespace rxdesk::workflow {
namespace {

using namespace std::chrono;

constexpr std::string_view kSubstitute = "振替休日";
constexpr std::string_view kCitizens = "国民の休日";

Date nthMonday(int y, month m, unsigned n) {
    return Date{sys_days{year{y} / m / Monday[n]}};
}

// Integer form of the approximation, so no floating-point rounding can move a day.
unsigned equinoxDay(int y, long base_micro_days) {
    const long n = y - 1980;
    return static_cast<unsigned>((base_micro_days + 242194L * n) / 1000000L - n / 4);
}

// The 国民の祝日 proper (and the one-off days the special laws treat as such).
std::vector<Holiday> statutoryHolidays(int y) {
    const year yr{y};
    std::vector<Holiday> h;
    auto add = [&](Date d, std::string_view name) { h.push_back({d, name}); };

    add(yr / January / 1, "元日");
    add(nthMonday(y, January, 2), "成人の日");
    add(yr / February / 11, "建国記念の日");
    if (y >= 2020) add(yr / February / 23, "天皇誕生日");
    add(yr / March / day{equinoxDay(y, 20843100L)}, "春分の日");
    add(yr / April / 29, y >= 2007 ? "昭和の日" : "みどりの日");
    add(yr / May / 3, "憲法記念日");
    if (y >= 2007) add(yr / May / 4, "みどりの日");
    add(yr / May / 5, "こどもの日");

    if (y == 2020)
        add(yr / July / 23, "海の日");
    else if (y == 2021)
        add(yr / July / 22, "海の日");
    else if (y >= 2003)
        add(Date{sys_days{yr / July / Monday[3]}}, "海の日");
    else
        add(yr / July / 20, "海の日");

    if (y == 2020)
        add(yr / August / 10, "山の日");
    else if (y == 2021)
        add(yr / August / 8, "山の日");
    else if (y >= 2016)
        add(yr / August / 11, "山の日");

    if (y >= 2003)
        add(Date{sys_days{yr / September / Monday[3]}}, "敬老の日");
    else
        add(yr / September / 15, "敬老の日");
    add(yr / September / day{equinoxDay(y, 23248800L)}, "秋分の日");

    if (y == 2020)
        add(yr / July / 24, "スポーツの日");
    else if (y == 2021)
        add(yr / July / 23, "スポーツの日");
    else
        add(nthMonday(y, October, 2), y >= 2020 ? "スポーツの日" : "体育の日");

    add(yr / November / 3, "文化の日");
    add(yr / November / 23, "勤労感謝の日");
    if (y <= 2018) add(yr / December / 23, "天皇誕生日");

    if (y == 2019) {
        add(yr / May / 1, "天皇の即位の日");
        add(yr / October / 22, "即位礼正殿の儀の行われる日");
    }
    return h;
}

std::vector<Holiday> computeYear(int y) {
    std::vector<Holiday> statutory = statutoryHolidays(y);
    auto isStatutory = [&](Date d) {
        return std::any_of(statutory.begin(), statutory.end(),
                           [&](const Holiday& h) { return h.date == d; });
    };

    std::vector<Holiday> all = statutory;
    for (const Holiday& h : statutory) {
        if (weekday{sys_days{h.date}} != Sunday) continue;
        Date next{sys_days{h.date} + days{1}};
        if (y >= 2007) {
            while (isStatutory(next)) next = Date{sys_days{next} + days{1}};
        } else if (isStatutory(next)) {
            continue;
        }
        all.push_back({next, kSubstitute});
    }

    auto isAnyHoliday = [&](Date d) {
        return std::any_of(all.begin(), all.end(), [&](const Holiday& h) { return h.date == d; });
    };
    std::vector<Holiday> citizens;
    for (const Holiday& h : statutory) {
        const Date between{sys_days{h.date} + days{1}};
        const Date after{sys_days{h.date} + days{2}};
        if (!isStatutory(after) || isAnyHoliday(between)) continue;
        if (y < 2007 && weekday{sys_days{between}} == Sunday) continue;
        citizens.push_back({between, kCitizens});
    }
    all.insert(all.end(), citizens.begin(), citizens.end());

    std::sort(all.begin(), all.end(),
              [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
    return all;
}

const std::vector<Holiday>& yearTable(int y) {
    static const auto kTable = [] {
        std::array<std::vector<Holiday>,
                   JapaneseHolidays::kLastYear - JapaneseHolidays::kFirstYear + 1>
            table;
        for (int i = 0; i < static_cast<int>(table.size()); ++i)
            table[i] = computeYear(JapaneseHolidays::kFirstYear + i);
        return table;
    }();
    if (!JapaneseHolidays::covers(y))
        throw Error(ErrorKind::BadRequest, "date_out_of_range",
                    "祝日の計算は" + std::to_string(JapaneseHolidays::kFirstYear) + "年から" +
                        std::to_string(JapaneseHolidays::kLastYear) + "年までに対応しています。");
    return kTable[y - JapaneseHolidays::kFirstYear];
}

}  // namespace

std::optional<std::string_view> JapaneseHolidays::holidayName(Date date) {
    for (const Holiday& h : yearTable(static_cast<int>(date.year())))
        if (h.date == date) return h.name;
    return std::nullopt;
}

std::span<const Holiday> JapaneseHolidays::holidaysIn(int year) {
    return yearTable(year);
}

}  // namespace rxdesk::workflow
