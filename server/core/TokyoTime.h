#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/Clock.h"

namespace rxdesk {

/// Japan has had no daylight saving time since 1951: Asia/Tokyo is always UTC+09:00.
inline constexpr std::chrono::hours kTokyoOffset{9};

using Date = std::chrono::year_month_day;

/// The years parseDate and parseIso8601 accept; anything else is not a date a pharmacy
/// deals with and would not fit system_clock.
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2199;

/// The calendar date in Asia/Tokyo at `t`.
Date tokyoDate(TimePoint t);

/// The instant at which `date` starts in Asia/Tokyo, plus `minutes_after_midnight`.
TimePoint tokyoTime(Date date, int minutes_after_midnight = 0);

/// "2026-11-21T05:35:00Z" (UTC, seconds precision).
std::string formatIso8601(TimePoint t);

/// "2026-11-21T14:35:00+09:00" (Asia/Tokyo, seconds precision).
std::string formatTokyo(TimePoint t);

/// Parses RFC 3339 / ISO 8601 date-times with a 'Z' or ±hh:mm offset (fractional seconds
/// ignored). Returns nullopt for anything else.
std::optional<TimePoint> parseIso8601(std::string_view text);

/// "2026-11-21".
std::string formatDate(Date d);

/// Parses "YYYY-MM-DD" (or "YYYYMMDD"); nullopt when malformed, not a real date, or outside
/// kMinYear..kMaxYear.
std::optional<Date> parseDate(std::string_view text);

/// Seconds since the Unix epoch.
std::int64_t unixSeconds(TimePoint t);
TimePoint fromUnixSeconds(std::int64_t s);

}  // namespace rxdesk
