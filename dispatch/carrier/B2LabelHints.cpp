#include "dispatch/carrier/B2LabelHints.h"

#include "dispatch/rules/HandlingRules.h"

namespace rxdesk::dispatch {

std::optional<B2LabelHints> b2LabelHints(const PlannedParcel& parcel, DeliveryMethod method) {
    B2LabelHints hints;
    switch (method) {
        case DeliveryMethod::CarrierNormal:
            hints.cool = B2CoolClass::Normal;
            break;
        case DeliveryMethod::CarrierChilled:
            hints.cool = B2CoolClass::Chilled;
            break;
        case DeliveryMethod::CarrierFrozen:
            hints.cool = B2CoolClass::Frozen;
            break;
        default:
            return std::nullopt;
    }
    for (const ParcelNote& note : HandlingRules::notesFor(parcel, method)) {
        if (note.kind == NoteKind::Text && note.text == "天地無用") hints.handling1 = "天地無用";
    }
    if (HandlingRules::hasRequirement(parcel, NoteKind::NoLeaveAtDoor, method)) {
        hints.remarks = "置き配不可";
    }
    if (HandlingRules::hasRequirement(parcel, NoteKind::Signature, method)) {
        hints.remarks += hints.remarks.empty() ? "署名要" : " 署名要";
    }
    return hints;
}

}  // namespace rxdesk::dispatch
