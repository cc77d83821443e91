#include "eprescription/ValidityPeriod.h"

namespace rxdesk::eprescription {

Date lastDayOfUse(Date issue_date, std::optional<Date> use_by_date) {
    if (use_by_date) return *use_by_date;
    return Date{std::chrono::sys_days{issue_date} + std::chrono::days{3}};
}

}  // namespace rxdesk::eprescription
