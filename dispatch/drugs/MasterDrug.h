#pragma once

#include <optional>
#include <string>

namespace rxdesk::dispatch {

/// Column 14 of the claims drug master (麻薬・毒薬・覚醒剤原料・向精神薬).
enum class ControlClass {
    None = 0,                  ///< 0
    Narcotic = 1,              ///< 1 麻薬
    Poison = 2,                ///< 2 毒薬
    StimulantRawMaterial = 3,  ///< 3 覚醒剤原料
    Psychotropic = 5,          ///< 5 向精神薬
};

/// One drug of the claims drug master (医薬品マスター, 社会保険診療報酬支払基金).
struct MasterDrug {
    std::string claims_code;  ///< column 3: 9-digit レセプト電算処理システム用コード
    std::string name;         ///< column 5: 漢字名称 (UTF-8)
    std::string kana_name;    ///< column 7: カナ名称, may be empty
    std::string unit;         ///< column 10: 単位漢字名称, may be empty
    ControlClass control = ControlClass::None;  ///< column 14
    std::optional<std::string> yj_code;  ///< column 32: 12-character 薬価基準収載医薬品コード

    bool operator==(const MasterDrug&) const = default;
};

}  // namespace rxdesk::dispatch
