#include "checks/Rules.h"

namespace rxdesk::checks {

using prescription::Finding;
using prescription::Severity;

std::vector<Finding> checkOnlineMark(const prescription::Prescription& rx,
                                     const CheckContext& context) {
    if (context.channel != Channel::Fax) return {};
    if (rx.hasRemarkContaining("オンライン対応")) return {};
    return {{"rx_online_mark_missing", Severity::Warning,
             "備考欄に「オンライン対応」の記載がありません。医療機関に確認してください。",
             "備考 " + std::to_string(rx.remarks.size()) + "件"}};
}

std::vector<Finding> checkObsolete0410Mark(const prescription::Prescription& rx,
                                           const CheckContext& context) {
    // Printers write the digits half- or full-width.
    if (!rx.hasRemarkContaining("0410対応") && !rx.hasRemarkContaining("０４１０対応")) return {};
    return {
        {"rx_0410_obsolete", Severity::Warning,
         "「0410対応」は2023年7月31日で終了しました。現行の「オンライン対応」の処方箋か医療機関に"
         "確認してください。",
         "0410対応"}};
}

}  // namespace rxdesk::checks
