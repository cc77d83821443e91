#include "dispatch/rules/ItemClasses.h"

namespace rxdesk::dispatch {

std::set<HandlingClass> handlingClassesOf(const DrugInfo& drug) {
    std::set<HandlingClass> classes;
    switch (drug.control) {
        case ControlClass::Narcotic:
            classes.insert(HandlingClass::Narcotic);
            break;
        case ControlClass::Poison:
            classes.insert(HandlingClass::Poison);
            break;
        case ControlClass::StimulantRawMaterial:
            classes.insert(HandlingClass::StimulantRawMaterial);
            break;
        case ControlClass::Psychotropic:
            classes.insert(HandlingClass::Psychotropic);
            break;
        case ControlClass::None:
            break;
    }
    if (drug.storage == StorageTemperature::Cold) classes.insert(HandlingClass::Cold);
    if (drug.storage == StorageTemperature::Frozen) classes.insert(HandlingClass::Frozen);
    if (drug.protect_from_light) classes.insert(HandlingClass::ProtectFromLight);
    if (drug.powerful) classes.insert(HandlingClass::Powerful);
    if (drug.radiopharmaceutical) classes.insert(HandlingClass::Radiopharmaceutical);
    if (drug.urgent) classes.insert(HandlingClass::Urgent);
    if (drug.do_not_shake) classes.insert(HandlingClass::DoNotShake);
    if (drug.emergency_contraceptive) classes.insert(HandlingClass::EmergencyContraceptive);
    return classes;
}

}  // namespace rxdesk::dispatch
