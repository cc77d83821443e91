#include "workflow/OriginalDeadlinePolicy.h"

#include "core/Error.h"

namespace rxdesk::workflow {
namespace {

constexpr int kMaxDays = 365;
// A month has at most about 22 business days; beyond 20 the cut-off would drift past the
// claim deadline of the 10th, which is certainly a configuration mistake.
constexpr int kMaxCutoffBusinessDay = 20;

void requireRange(int value, int max, const std::string& field) {
    if (value < 0 || value > max)
        throw Error(ErrorKind::BadRequest, "invalid_deadline_policy",
                    "原本の期限設定が範囲外です（0〜" + std::to_string(max) + "）。", field);
}

}  // namespace

int OriginalDeadlinePolicy::daysAfterDispensingFor(std::string_view clinic_id) const {
    auto it = days_after_dispensing_by_clinic.find(clinic_id);
    return it == days_after_dispensing_by_clinic.end() ? default_days_after_dispensing : it->second;
}

void OriginalDeadlinePolicy::validate() const {
    requireRange(default_days_after_dispensing, kMaxDays, "default_days_after_dispensing");
    for (const auto& [clinic, days] : days_after_dispensing_by_clinic)
        requireRange(days, kMaxDays, "days_after_dispensing_by_clinic");
    requireRange(claim_cutoff_business_day, kMaxCutoffBusinessDay, "claim_cutoff_business_day");
}

}  // namespace rxdesk::workflow
