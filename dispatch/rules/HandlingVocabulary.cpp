#include "dispatch/rules/HandlingVocabulary.h"

namespace rxdesk::dispatch {

std::string_view handlingClassName(HandlingClass c) {
    switch (c) {
        case HandlingClass::Narcotic:
            return "narcotic";
        case HandlingClass::Psychotropic:
            return "psychotropic";
        case HandlingClass::Poison:
            return "poison";
        case HandlingClass::StimulantRawMaterial:
            return "stimulant_raw_material";
        case HandlingClass::Powerful:
            return "powerful";
        case HandlingClass::Radiopharmaceutical:
            return "radiopharmaceutical";
        case HandlingClass::Cold:
            return "cold";
        case HandlingClass::Frozen:
            return "frozen";
        case HandlingClass::ProtectFromLight:
            return "light";
        case HandlingClass::Urgent:
            return "urgent";
        case HandlingClass::EmergencyContraceptive:
            return "emergency_contraceptive";
        case HandlingClass::DoNotShake:
            return "do_not_shake";
    }
    return "";
}

std::optional<HandlingClass> parseHandlingClass(std::string_view name) {
    for (HandlingClass c : kAllHandlingClasses) {
        if (handlingClassName(c) == name) return c;
    }
    return std::nullopt;
}

std::string_view deliveryMethodName(DeliveryMethod m) {
    switch (m) {
        case DeliveryMethod::CarrierNormal:
            return "carrier_normal";
        case DeliveryMethod::CarrierChilled:
            return "carrier_chilled";
        case DeliveryMethod::CarrierFrozen:
            return "carrier_frozen";
        case DeliveryMethod::StaffHandDelivery:
            return "staff_hand_delivery";
        case DeliveryMethod::PatientPickup:
            return "patient_pickup";
    }
    return "";
}

std::optional<DeliveryMethod> parseDeliveryMethod(std::string_view name) {
    for (DeliveryMethod m : kAllDeliveryMethods) {
        if (deliveryMethodName(m) == name) return m;
    }
    return std::nullopt;
}

std::string_view parcelTemperatureName(ParcelTemperature t) {
    switch (t) {
        case ParcelTemperature::Room:
            return "room";
        case ParcelTemperature::Chilled:
            return "chilled";
        case ParcelTemperature::Frozen:
            return "frozen";
    }
    return "";
}

bool isCarrierMethod(DeliveryMethod m) {
    return m == DeliveryMethod::CarrierNormal || m == DeliveryMethod::CarrierChilled ||
           m == DeliveryMethod::CarrierFrozen;
}

}  // namespace rxdesk::dispatch
