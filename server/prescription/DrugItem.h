#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace rxdesk::prescription {

/// Which code system a drug code belongs to (JAHIS 薬品コード種別).
enum class DrugCodeSystem {
    None = 1,         ///< no code, name only
    Claims = 2,       ///< レセプト電算処理システム用コード (9 digits)
    Mhlw = 3,         ///< 厚生労働省コード (薬価基準収載医薬品コード)
    Yj = 4,           ///< YJ code (12 characters)
    Hot = 6,          ///< HOT code (9 digits)
    GenericName = 7,  ///< 一般名コード (一般名処方)
};

/// 薬品補足 (JAHIS record 281), e.g. 後発品変更不可, 粉砕.
struct DrugSupplement {
    int seq = 0;
    std::optional<int> kind;  ///< 薬品補足区分
    std::string text;
    std::string code;

    friend bool operator==(const DrugSupplement&, const DrugSupplement&) = default;
};

/// 不均等 (JAHIS record 221): up to five differing doses per day and their codes.
struct UnevenDoses {
    std::array<std::string, 5> doses;
    std::array<std::string, 5> codes;

    friend bool operator==(const UnevenDoses&, const UnevenDoses&) = default;
};

/// 1回服用量 (JAHIS record 241).
struct SingleDose {
    std::string amount;  ///< as written, e.g. "1.5" or "2/3"
    std::optional<int> times_per_day;

    friend bool operator==(const SingleDose&, const SingleDose&) = default;
};

/// One drug (or material) line of an Rp group (JAHIS record 201 and its sub-records).
struct DrugItem {
    int seq = 0;                    ///< RP内連番
    std::optional<int> info_class;  ///< 情報区分: 1 医薬品, 2 医療材料, 3 その他
    DrugCodeSystem code_system = DrugCodeSystem::None;
    std::string code;
    std::string name;
    std::string amount;                 ///< 用量 as written, e.g. "4", "0.5"
    std::optional<int> potency_flag;    ///< 力価フラグ: 1 薬価単位, 2 力価
    std::string unit;                   ///< 単位名, e.g. 錠
    std::string unit_conversion;        ///< 単位変換係数 (record 211)
    std::optional<UnevenDoses> uneven;  ///< record 221
    std::optional<std::array<std::string, 4>> funding_burden;  ///< 負担区分 (record 231)
    std::optional<SingleDose> single_dose;                     ///< record 241
    std::vector<DrugSupplement> supplements;                   ///< record 281

    /// True when a supplement says 後発品変更不可 (no generic substitution).
    bool noGenericSubstitution() const;

    friend bool operator==(const DrugItem&, const DrugItem&) = default;
};

}  // namespace rxdesk::prescription
