#include "prescription/Prescription.h"

namespace rxdesk::prescription {

bool Prescription::hasRemarkContaining(std::string_view needle) const {
    for (const Remark& remark : remarks) {
        if (remark.text.find(needle) != std::string::npos) return true;
    }
    return false;
}

}  // namespace rxdesk::prescription
