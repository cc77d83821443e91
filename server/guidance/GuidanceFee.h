#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/TokyoTime.h"
#include "guidance/GuidanceRecord.h"

namespace rxdesk::guidance {

/// Which fee (FY2024 dispensing-fee schedule) a session is claimed under.
enum class FeeKind {
    None,                        ///< no online guidance fee
    MedicationManagementOnline,  ///< 服薬管理指導料（情報通信機器を用いた場合）
    HomePatientOnline,           ///< 在宅患者オンライン薬剤管理指導料
};

/// "none", "medication_management_online", "home_patient_online".
std::string_view feeKindCode(FeeKind kind);

/// Facts about the patient the store supplies for the fee decision.
struct FeeHistory {
    /// The patient is a home patient (在宅患者訪問薬剤管理指導の対象).
    bool home_patient = false;
    /// Date (Tokyo) the patient last brought a prescription to this pharmacy before this
    /// session; nullopt when never.
    std::optional<Date> previous_prescription_date;
    /// The patient presented the medication notebook (お薬手帳, paper or app) this time.
    bool notebook_presented = false;
    /// A home visit (訪問薬剤管理指導) took place on the session's date.
    bool home_visit_same_day = false;
};

/// The fee decision. `basis` is a stable machine code; `reason_ja` explains the decision in
/// terms a pharmacist can check against the fee schedule.
struct Fee {
    FeeKind kind = FeeKind::None;
    int points = 0;
    std::string basis;
    std::string reason_ja;
};

inline constexpr int kOnlineReturnWithNotebookPoints = 45;
inline constexpr int kOnlineStandardPoints = 59;
inline constexpr int kHomePatientOnlinePoints = 59;

/// True when `previous` is at most three calendar months before `today` (and not after it).
/// "Three months" runs to the same day three months later, or the last day of that month
/// when it has no such day (2026-11-30 → 2027-02-28).
bool returnedWithinThreeMonths(std::optional<Date> previous, Date today);

/// Decides the fee for a session. Rules, in order (the first that applies decides):
/// - outcome switched_to_face_to_face → None, 0 (basis switched_to_face_to_face);
/// - outcome stopped → None, 0 (stopped);
/// - mode audio_only → None, 0 (audio_only);
/// - no started_at → None, 0 (no_start_time);
/// - home patient: home visit on the same date → HomePatientOnline, 0 (home_visit_same_day),
///   else HomePatientOnline, 59 (home_patient_online);
/// - returned within 3 months and notebook presented → MedicationManagementOnline, 45
///   (returned_with_notebook); returned without notebook → 59 (returned_without_notebook);
///   not returned within 3 months → 59 (not_returned_within_3_months).
/// The session date is the Tokyo date of started_at. Never throws.
Fee computeFee(const GuidanceRecord& record, const FeeHistory& history);

}  // namespace rxdesk::guidance
