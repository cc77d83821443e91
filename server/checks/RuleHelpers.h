#pragma once

#include <string>

#include "prescription/RpGroup.h"

namespace rxdesk::checks {

/// "RP1 ノルバスク錠２．５ｍｇ": where a drug is, as the pharmacist sees it on the paper.
inline std::string itemEvidence(const prescription::RpGroup& rp,
                                const prescription::DrugItem& item) {
    return "RP" + std::to_string(rp.rp_no) + " " + (item.name.empty() ? item.code : item.name);
}

/// Supply of 8 days or more, which an unknown-conditions first visit must not get.
inline bool isLongSupply(const prescription::RpGroup& rp) {
    return rp.quantityIsDays() && rp.quantity >= 8;
}

}  // namespace rxdesk::checks
