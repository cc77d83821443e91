#include "guidance/GuidanceFee.h"

namespace rxdesk::guidance {
namespace {

constexpr std::string_view kMedicationManagement = "服薬管理指導料（情報通信機器）";
constexpr std::string_view kHomeOnline = "在宅患者オンライン薬剤管理指導料";

Fee make(FeeKind kind, int points, std::string basis, std::string reason) {
    return Fee{kind, points, std::move(basis), std::move(reason)};
}

std::string points(int p) {
    return std::to_string(p) + "点";
}

}  // namespace

std::string_view feeKindCode(FeeKind kind) {
    switch (kind) {
        case FeeKind::None:
            return "none";
        case FeeKind::MedicationManagementOnline:
            return "medication_management_online";
        case FeeKind::HomePatientOnline:
            return "home_patient_online";
    }
    return "unknown";
}

bool returnedWithinThreeMonths(std::optional<Date> previous, Date today) {
    if (!previous || !previous->ok() || !today.ok() || *previous > today) return false;
    Date limit = *previous + std::chrono::months{3};
    if (!limit.ok()) limit = Date{limit.year() / limit.month() / std::chrono::last};
    return today <= limit;
}

Fee computeFee(const GuidanceRecord& record, const FeeHistory& history) {
    switch (record.outcome) {
        case SessionOutcome::SwitchedToFaceToFace:
            return make(FeeKind::None, 0, "switched_to_face_to_face",
                        "対面に切り替えたため、情報通信機器を用いた服薬指導の点数は算定しません"
                        "（対面の服薬指導として算定してください）。");
        case SessionOutcome::Stopped:
            return make(FeeKind::None, 0, "stopped",
                        "服薬指導を中止したため、オンライン服薬指導の点数は算定しません。");
        case SessionOutcome::Completed:
            break;
    }
    if (record.mode == SessionMode::AudioOnly)
        return make(FeeKind::None, 0, "audio_only",
                    "音声のみの通話は情報通信機器を用いた服薬指導に該当しないため、算定しません"
                    "（映像と音声の双方が必要）。");
    if (!record.started_at)
        return make(FeeKind::None, 0, "no_start_time",
                    "開始時刻が記録されていないため、算定日を決められません。");

    const Date session_date = tokyoDate(*record.started_at);
    if (history.home_patient) {
        if (history.home_visit_same_day)
            return make(FeeKind::HomePatientOnline, 0, "home_visit_same_day",
                        std::string(kHomeOnline) + " 0点: 同じ日（" + formatDate(session_date) +
                            "）に訪問薬剤管理指導を行っているため算定できません。");
        return make(FeeKind::HomePatientOnline, kHomePatientOnlinePoints, "home_patient_online",
                    std::string(kHomeOnline) + " " + points(kHomePatientOnlinePoints) +
                        ": 在宅患者で、同じ日の訪問薬剤管理指導はありません。");
    }

    const std::string previous = history.previous_prescription_date
                                     ? formatDate(*history.previous_prescription_date)
                                     : std::string("記録なし");
    if (!returnedWithinThreeMonths(history.previous_prescription_date, session_date))
        return make(FeeKind::MedicationManagementOnline, kOnlineStandardPoints,
                    "not_returned_within_3_months",
                    std::string(kMedicationManagement) + " " + points(kOnlineStandardPoints) +
                        ": 3か月以内の再来局ではありません（前回の処方箋受付: " + previous +
                        "、今回: " + formatDate(session_date) + "）。");
    if (!history.notebook_presented)
        return make(FeeKind::MedicationManagementOnline, kOnlineStandardPoints,
                    "returned_without_notebook",
                    std::string(kMedicationManagement) + " " + points(kOnlineStandardPoints) +
                        ": 3か月以内の再来局（前回: " + previous +
                        "）ですが、お薬手帳の提示がありません。");
    return make(FeeKind::MedicationManagementOnline, kOnlineReturnWithNotebookPoints,
                "returned_with_notebook",
                std::string(kMedicationManagement) + " " + points(kOnlineReturnWithNotebookPoints) +
                    ": 3か月以内の再来局（前回: " + previous + "）で、お薬手帳の提示があります。");
}

}  // namespace rxdesk::guidance
