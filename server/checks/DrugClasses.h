#pragma once

#include <optional>

namespace rxdesk::checks {

/// Why a drug is on the misuse/resale watch list.
enum class MisuseKind {
    Hypnotic,             ///< sleeping pills and other psychotropics: abuse, resale
    Diuretic,             ///< weight loss
    Diabetes,             ///< weight loss (e.g. GLP-1 receptor agonists)
    CosmeticMoisturiser,  ///< cosmetic use (e.g. heparinoid)
};

/// What the checks need to know about one drug.
struct DrugClasses {
    bool narcotic = false;                ///< 麻薬
    bool psychotropic = false;            ///< 向精神薬
    bool poison = false;                  ///< 毒薬
    bool stimulant_raw_material = false;  ///< 覚醒剤原料
    bool high_risk = false;  ///< 薬剤管理指導料「1」の対象となる特に安全管理が必要な医薬品
    bool emergency_contraceptive = false;  ///< 緊急避妊薬
    std::optional<MisuseKind> misuse;

    /// Narcotics and psychotropics, which a first-visit online consultation must not prescribe.
    bool controlled() const { return narcotic || psychotropic; }

    friend bool operator==(const DrugClasses&, const DrugClasses&) = default;
};

}  // namespace rxdesk::checks
