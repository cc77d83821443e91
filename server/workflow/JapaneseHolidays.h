#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "core/TokyoTime.h"

namespace rxdesk::workflow {

/// One public holiday: a 国民の祝日, a substitute holiday (振替休日) or a citizens' holiday
/// (国民の休日).
struct Holiday {
    Date date;
    std::string_view name;  ///< Japanese name, e.g. 「春分の日」「振替休日」

    bool operator==(const Holiday&) const = default;
};

/// Japan's public holidays under the 国民の祝日に関する法律 as amended up to 2026, computed
/// by rule for the years 2000–2099:
/// - fixed dates (元日, 建国記念の日, 天皇誕生日 (12-23 until 2018, none in 2019, 02-23 from
///   2020), 昭和の日/みどりの日, 憲法記念日, こどもの日, 山の日 (from 2016), 文化の日,
///   勤労感謝の日);
/// - Happy Monday days (成人の日, 海の日 from 2003, 敬老の日 from 2003, 体育の日/スポーツの日);
/// - 春分の日 and 秋分の日 by the usual astronomical approximation
///   (day = floor(20.8431 / 23.2488 + 0.242194·(y−1980)) − floor((y−1980)/4)). The official
///   dates are gazetted each February for the following year; the formula agrees with every
///   gazetted date so far but is a prediction for later years;
/// - the special laws: 2019 (即位の日 05-01, 即位礼正殿の儀 10-22) and the Olympic moves
///   of 2020 and 2021;
/// - 振替休日: a holiday on a Sunday moves to the next day that is not a holiday (before
///   2007: to the Monday, unless that is itself a holiday);
/// - 国民の休日: a day between two 国民の祝日 (before 2007: unless it is a Sunday).
/// Future amendments of the law are not known; update this file when they happen.
/// Pharmacy closures (year end, weekends) are not holidays: see BusinessCalendar.
class JapaneseHolidays {
public:
    static constexpr int kFirstYear = 2000;
    static constexpr int kLastYear = 2099;

    /// Whether `year` is within [kFirstYear, kLastYear].
    static bool covers(int year) { return year >= kFirstYear && year <= kLastYear; }

    /// The holiday's name on `date`, or nullopt on an ordinary day.
    /// Throws rxdesk::Error (BadRequest, "date_out_of_range") outside the covered years.
    static std::optional<std::string_view> holidayName(Date date);

    /// holidayName(date).has_value(); same exception.
    static bool isHoliday(Date date) { return holidayName(date).has_value(); }

    /// Every holiday of `year`, in date order.
    /// Throws rxdesk::Error (BadRequest, "date_out_of_range") outside the covered years.
    static std::span<const Holiday> holidaysIn(int year);
};

}  // namespace rxdesk::workflow
