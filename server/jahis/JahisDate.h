#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/TokyoTime.h"

namespace rxdesk::jahis {

/// Japanese eras as numbered in JAHIS dates.
enum class Era { Meiji = 1, Taisho = 2, Showa = 3, Heisei = 4, Reiwa = 5 };

/// Parses a JAHIS date: Gregorian "YYYYMMDD" or era "GYYMMDD" where G is the era digit
/// (1 明治 from 1868, 2 大正 from 1912-07-30, 3 昭和 from 1926-12-25, 4 平成 from 1989-01-08,
/// 5 令和 from 2019-05-01) and YY the year of that era (元年 = 01). "4160119" is 2004-01-19.
/// Returns nullopt for anything else, for impossible days, and for era dates outside
/// their era (平成31年5月1日 does not exist).
std::optional<Date> parseJahisDate(std::string_view text);

/// "YYYYMMDD", the Gregorian form every JAHIS version accepts.
std::string formatJahisDate(Date date);

/// "GYYMMDD" for dates from 明治 on; nullopt before 1868.
std::optional<std::string> formatJahisEraDate(Date date);

}  // namespace rxdesk::jahis
