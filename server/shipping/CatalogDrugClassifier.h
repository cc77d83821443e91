#pragma once

#include <optional>

#include "checks/DrugClassifier.h"
#include "checks/TableDrugClassifier.h"
#include "dispatch/drugs/DrugCatalog.h"
#include "dispatch/drugs/DrugInfo.h"
#include "shipping/DrugCatalogProvider.h"

namespace rxdesk::shipping {

/// The catalog entry a prescription item names (claims code, YJ or MHLW code, HOT code);
/// nullopt for name-only items and codes the catalog does not know.
std::optional<dispatch::DrugInfo> resolveItem(const dispatch::DrugCatalog& catalog,
                                              const prescription::DrugItem& item);

/// DrugClassifier over the imported drug data:
/// - a drug in the claims master takes narcotic / poison / stimulant raw material /
///   psychotropic from its control class (the master is authoritative: a keyword cannot
///   make a master drug a narcotic); a psychotropic is on the misuse watch list (睡眠薬等)
///   unless the supplement names another concern;
/// - high-risk, emergency contraceptive and the misuse kind come from the supplement row;
///   a master drug without a supplement row takes them from the keyword table;
/// - a drug not in the master (name-only items, unknown codes) is classified by the keyword
///   table, with supplement flags added when a supplement-only row names it.
class CatalogDrugClassifier : public checks::DrugClassifier {
public:
    CatalogDrugClassifier(const DrugCatalogProvider& catalogs, checks::TableDrugClassifier fallback)
        : catalogs_(catalogs), fallback_(std::move(fallback)) {}

    checks::DrugClasses classify(const prescription::DrugItem& item) const override;

    /// The same, against a given catalog snapshot.
    checks::DrugClasses classify(const dispatch::DrugCatalog& catalog,
                                 const prescription::DrugItem& item) const;

private:
    const DrugCatalogProvider& catalogs_;
    checks::TableDrugClassifier fallback_;
};

}  // namespace rxdesk::shipping
