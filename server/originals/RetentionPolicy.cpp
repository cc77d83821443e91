#include "originals/RetentionPolicy.h"

#include "core/Error.h"

namespace rxdesk::originals {

using namespace std::chrono;

Date RetentionPolicy::keepCompletedFrom(Date today) const {
    // today - years can be 29 February of a common year; sys_days normalises it to 1 March,
    // which keeps a 28 February completion exactly `years` years and a day.
    const year_month_day back{today.year() - std::chrono::years{years}, today.month(), today.day()};
    return Date{sys_days{back}};
}

void RetentionPolicy::validate() const {
    if (years < kLegalMinimumYears || years > 100)
        throw Error(ErrorKind::BadRequest, "invalid_retention",
                    "保存期間は3年以上100年以下にしてください（調剤済み処方箋の保存義務は3年）",
                    "rxdesk.retention.years");
}

}  // namespace rxdesk::originals
