#include "prescription/DrugItem.h"

namespace rxdesk::prescription {

bool DrugItem::noGenericSubstitution() const {
    for (const DrugSupplement& supplement : supplements) {
        if (supplement.text.find("後発品変更不可") != std::string::npos) return true;
    }
    return false;
}

}  // namespace rxdesk::prescription
