#pragma once

#include <optional>
#include <string>
#include <vector>

#include "prescription/DrugItem.h"

namespace rxdesk::prescription {

/// 剤形区分 (JAHIS record 101).
enum class DosageForm {
    Oral = 1,       ///< 内服: quantity is days
    AsNeeded = 2,   ///< 頓服: quantity is number of times
    External = 3,   ///< 外用
    OralDrops = 4,  ///< 内服滴剤: quantity is days
    Injection = 5,  ///< 注射
    Material = 6,   ///< 医療材料
    Unknown = 9,    ///< 不明
};

/// 用法 (JAHIS record 111).
struct Usage {
    std::optional<int> code_type;  ///< 1 コードなし, 2 JAMI 標準用法コード …
    std::string code;
    std::string text;
    std::optional<int> times_per_day;

    friend bool operator==(const Usage&, const Usage&) = default;
};

/// 用法補足 (JAHIS record 181), e.g. 左耳, １日おき.
struct UsageSupplement {
    int seq = 0;
    std::optional<int> kind;
    std::string text;
    std::string usage_code;      ///< 補足用法コード
    std::string body_part_code;  ///< 部位コード

    friend bool operator==(const UsageSupplement&, const UsageSupplement&) = default;
};

/// 分割指示調剤数量 (JAHIS record 102).
struct SplitQuantity {
    int per_split = 0;
    int total = 0;

    friend bool operator==(const SplitQuantity&, const SplitQuantity&) = default;
};

/// One Rp: a dosage form, a quantity, a usage and the drugs taken that way.
struct RpGroup {
    int rp_no = 0;
    DosageForm form = DosageForm::Unknown;
    std::string form_name;
    int quantity = 0;  ///< 調剤数量: days for Oral/OralDrops, times for AsNeeded, else units
    std::optional<SplitQuantity> split;
    Usage usage;
    std::vector<UsageSupplement> usage_supplements;
    std::vector<DrugItem> items;

    /// True when `quantity` counts days of supply (内服, 内服滴剤).
    bool quantityIsDays() const {
        return form == DosageForm::Oral || form == DosageForm::OralDrops;
    }

    friend bool operator==(const RpGroup&, const RpGroup&) = default;
};

}  // namespace rxdesk::prescription
