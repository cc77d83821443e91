#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "checks/DrugClassifier.h"

namespace rxdesk::checks {

/// A DrugClassifier backed by in-memory tables: exact (code system, code) entries, and
/// name keywords for items without a known code (一般名処方, コードなし).
class TableDrugClassifier : public DrugClassifier {
public:
    /// Registers the classes of one code; a later call for the same code replaces it.
    void add(prescription::DrugCodeSystem system, std::string code, DrugClasses classes);

    /// Registers classes for every item whose name contains `keyword` (UTF-8 substring).
    void addNameKeyword(std::string keyword, DrugClasses classes);

    /// An exact code entry wins; otherwise the union of every matching name keyword;
    /// otherwise nothing flagged.
    DrugClasses classify(const prescription::DrugItem& item) const override;

private:
    std::map<std::pair<prescription::DrugCodeSystem, std::string>, DrugClasses> by_code_;
    std::vector<std::pair<std::string, DrugClasses>> by_keyword_;
};

}  // namespace rxdesk::checks
