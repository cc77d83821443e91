#pragma once

#include <optional>
#include <string>
#include <vector>

namespace rxdesk::prescription {

/// Which public-funding slot a PublicFunding fills (JAHIS records 27–30).
enum class FundingSlot { First = 1, Second = 2, Third = 3, Special = 4 };

/// 公費: a public funding programme paying part of the cost.
struct PublicFunding {
    FundingSlot slot = FundingSlot::First;
    std::string payer;      ///< 公費負担者番号
    std::string recipient;  ///< 公費受給者番号

    friend bool operator==(const PublicFunding&, const PublicFunding&) = default;
};

/// Health insurance (JAHIS records 21–31).
struct Insurance {
    std::optional<int>
        type;  ///< 保険種別: 1 医保, 2 国保, 3 労災, 4 自賠, 5 公害, 6 自費, 7 後期高齢 …
    std::string insurer_number;  ///< 保険者番号 (record 22)
    std::string card_symbol;     ///< 被保険者証記号 (record 23)
    std::string card_number;
    std::optional<int> insured_kind;  ///< 1 被保険者, 2 被扶養者
    std::string branch;               ///< 枝番
    std::optional<int> copay_rate;    ///< 患者負担率 in percent (record 24)
    std::optional<int> benefit_rate;  ///< 保険給付率 in percent
    std::optional<int> work_related;  ///< 職務上の事由 (record 25)
    std::vector<PublicFunding> public_funding;
    std::string receipt_type;  ///< レセプト種別 (record 31)

    friend bool operator==(const Insurance&, const Insurance&) = default;
};

}  // namespace rxdesk::prescription
