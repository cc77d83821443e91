#include "checks/TableDrugClassifier.h"

namespace rxdesk::checks {

void TableDrugClassifier::add(prescription::DrugCodeSystem system, std::string code,
                              DrugClasses classes) {
    by_code_[{system, std::move(code)}] = classes;
}

void TableDrugClassifier::addNameKeyword(std::string keyword, DrugClasses classes) {
    if (keyword.empty()) return;  // an empty keyword would match every drug
    by_keyword_.emplace_back(std::move(keyword), classes);
}

DrugClasses TableDrugClassifier::classify(const prescription::DrugItem& item) const {
    if (!item.code.empty()) {
        auto it = by_code_.find({item.code_system, item.code});
        if (it != by_code_.end()) return it->second;
    }
    DrugClasses merged;
    for (const auto& [keyword, classes] : by_keyword_) {
        if (item.name.find(keyword) == std::string::npos) continue;
        merged.narcotic |= classes.narcotic;
        merged.psychotropic |= classes.psychotropic;
        merged.poison |= classes.poison;
        merged.stimulant_raw_material |= classes.stimulant_raw_material;
        merged.high_risk |= classes.high_risk;
        merged.emergency_contraceptive |= classes.emergency_contraceptive;
        if (!merged.misuse) merged.misuse = classes.misuse;
    }
    return merged;
}

}  // namespace rxdesk::checks
