#include <gtest/gtest.h>

#include "core/Error.h"
#include "originals/RetentionPolicy.h"

using namespace rxdesk;
using namespace std::chrono;

namespace {
Date d(int y, unsigned m, unsigned day_of_month) {
    return Date{year{y}, month{m}, day{day_of_month}};
}
}  // namespace

TEST(RetentionPolicy, KeepsEverythingCompletedOnOrAfterTheSameDayYearsAgo) {
    struct Case {
        int years;
        Date today;
        Date kept_from;
    } cases[] = {
        {3, d(2029, 1, 10), d(2026, 1, 10)}, {3, d(2029, 1, 1), d(2026, 1, 1)},
        {3, d(2031, 3, 1), d(2028, 3, 1)},    // 2028-02-29 has expired on 2031-03-01
        {3, d(2031, 2, 28), d(2028, 2, 28)},  // and is kept the day before
        {3, d(2028, 2, 29), d(2025, 3, 1)},   // 2025-02-29 does not exist
        {5, d(2030, 6, 15), d(2025, 6, 15)},
    };
    for (const auto& c : cases) {
        originals::RetentionPolicy policy{c.years};
        EXPECT_EQ(policy.keepCompletedFrom(c.today), c.kept_from) << formatDate(c.today);
    }
}

TEST(RetentionPolicy, RefusesLessThanTheLegalThreeYears) {
    EXPECT_THROW(originals::RetentionPolicy{2}.validate(), Error);
    EXPECT_THROW(originals::RetentionPolicy{101}.validate(), Error);
    EXPECT_NO_THROW(originals::RetentionPolicy{3}.validate());
}
