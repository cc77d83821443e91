#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/TokyoTime.h"
#include "prescription/Institution.h"
#include "prescription/Insurance.h"
#include "prescription/NarcoticInfo.h"
#include "prescription/OnlineConsultation.h"
#include "prescription/Patient.h"
#include "prescription/Prescriber.h"
#include "prescription/Remark.h"
#include "prescription/RpGroup.h"

namespace rxdesk::prescription {

/// 分割指示 (JAHIS record 63).
struct SplitDispensing {
    int count = 0;  ///< 分割回数
    int index = 0;  ///< 分割回 (which of the splits this is)

    friend bool operator==(const SplitDispensing&, const SplitDispensing&) = default;
};

/// A prescription as structured data, whatever channel it came through. Plain value:
/// copy it, compare it, build it in tests.
struct Prescription {
    Institution institution;
    Prescriber prescriber;
    Patient patient;
    Insurance insurance;
    std::optional<Date> issue_date;  ///< 処方箋交付年月日 (record 51)
    std::optional<Date> use_by_date;  ///< 使用期限年月日 (record 52), only when longer than 4 days
    std::optional<NarcoticInfo> narcotic;
    std::optional<int> leftover_instruction;  ///< 残薬確認対応 (record 62): 1 疑義照会, 2 情報提供
    std::optional<SplitDispensing> split_dispensing;
    std::optional<int> refill_count;  ///< リフィル総使用回数 (record 64)
    std::vector<Remark> remarks;
    std::optional<int> prescription_number_kind;  ///< record 82
    std::string prescription_number;
    std::vector<RpGroup> rps;
    OnlineConsultation online;

    /// True when some remark contains `needle` (UTF-8 substring match).
    bool hasRemarkContaining(std::string_view needle) const;

    friend bool operator==(const Prescription&, const Prescription&) = default;
};

}  // namespace rxdesk::prescription
