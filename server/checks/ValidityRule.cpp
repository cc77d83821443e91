#include "checks/Rules.h"

namespace rxdesk::checks {

using prescription::Finding;
using prescription::Severity;

std::vector<Finding> checkValidity(const prescription::Prescription& rx,
                                   const CheckContext& context) {
    if (!rx.issue_date) {
        return {{"rx_issue_date_missing", Severity::Warning,
                 "交付年月日がありません。処方箋の有効期限を確認してください。", ""}};
    }
    const Date issued = *rx.issue_date;
    // 4 days counting the issue date: the last valid day is issue + 3.
    const Date last_day = rx.use_by_date
                              ? *rx.use_by_date
                              : Date{std::chrono::sys_days{issued} + std::chrono::days{3}};
    const std::string evidence =
        "交付日 " + formatDate(issued) + " 使用期限 " + formatDate(last_day);
    if (context.today < issued) {
        return {{"rx_issue_date_in_future", Severity::Warning,
                 "交付年月日が未来の日付です。処方箋の記載を確認してください。", evidence}};
    }
    if (context.today > last_day) {
        return {{"rx_expired", Severity::Error,
                 "処方箋の使用期間が過ぎています。再発行を依頼してください。", evidence}};
    }
    if (context.today == last_day) {
        return {{"rx_expires_today", Severity::Warning,
                 "処方箋の使用期間は本日までです。本日中に調剤してください。", evidence}};
    }
    return {};
}

}  // namespace rxdesk::checks
