#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/TokyoTime.h"

namespace rxdesk::guidance::test {

/// "2026-11-24T09:00:00+09:00" → instant; fails the test on a typo.
inline TimePoint at(const std::string& iso) {
    auto t = parseIso8601(iso);
    EXPECT_TRUE(t.has_value()) << iso;
    return t.value_or(TimePoint{});
}

/// Tokyo wall-clock time on a date: jst("2026-11-24", "09:10").
inline TimePoint jst(const std::string& date, const std::string& hhmm) {
    return at(date + "T" + hhmm + ":00+09:00");
}

inline Date day(const std::string& iso) {
    auto d = parseDate(iso);
    EXPECT_TRUE(d.has_value()) << iso;
    return d.value_or(Date{});
}

/// Minutes after midnight for "09:30".
inline int hm(const std::string& hhmm) {
    return std::stoi(hhmm.substr(0, 2)) * 60 + std::stoi(hhmm.substr(3, 2));
}

}  // namespace rxdesk::guidance::test
