#pragma once

#include "checks/DrugClasses.h"
#include "prescription/DrugItem.h"

namespace rxdesk::checks {

/// Port: tells the rule checks what kind of drug an item is. The drug-master adapter
/// implements it; TableDrugClassifier is the in-memory fallback.
class DrugClassifier {
public:
    virtual ~DrugClassifier() = default;

    /// The classes of `item` (by code system and code, or by name when the implementation
    /// supports it). A drug it does not know gets default DrugClasses (nothing flagged).
    /// Must not throw.
    virtual DrugClasses classify(const prescription::DrugItem& item) const = 0;
};

}  // namespace rxdesk::checks
