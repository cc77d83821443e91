#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace rxdesk::dispatch {

/// A property of an item that changes how it may travel.
enum class HandlingClass {
    Narcotic,                ///< narcotic 麻薬
    Psychotropic,            ///< psychotropic 向精神薬
    Poison,                  ///< poison 毒薬
    StimulantRawMaterial,    ///< stimulant_raw_material 覚醒剤原料
    Powerful,                ///< powerful 劇薬
    Radiopharmaceutical,     ///< radiopharmaceutical 放射性医薬品
    Cold,                    ///< cold 冷所 2–8℃
    Frozen,                  ///< frozen 冷凍
    ProtectFromLight,        ///< light 遮光
    Urgent,                  ///< urgent 至急
    EmergencyContraceptive,  ///< emergency_contraceptive 緊急避妊薬
    DoNotShake,              ///< do_not_shake 振盪禁止
};

inline constexpr std::array kAllHandlingClasses{
    HandlingClass::Narcotic,
    HandlingClass::Psychotropic,
    HandlingClass::Poison,
    HandlingClass::StimulantRawMaterial,
    HandlingClass::Powerful,
    HandlingClass::Radiopharmaceutical,
    HandlingClass::Cold,
    HandlingClass::Frozen,
    HandlingClass::ProtectFromLight,
    HandlingClass::Urgent,
    HandlingClass::EmergencyContraceptive,
    HandlingClass::DoNotShake,
};

/// How a parcel reaches the patient. Pickup by family counts as PatientPickup.
enum class DeliveryMethod {
    CarrierNormal,      ///< carrier_normal 宅配便（常温）
    CarrierChilled,     ///< carrier_chilled 宅配便（冷蔵）
    CarrierFrozen,      ///< carrier_frozen 宅配便（冷凍）
    StaffHandDelivery,  ///< staff_hand_delivery 薬局職員の手渡し
    PatientPickup,      ///< patient_pickup 来局受取（本人または家族）
};

inline constexpr std::array kAllDeliveryMethods{
    DeliveryMethod::CarrierNormal, DeliveryMethod::CarrierChilled,
    DeliveryMethod::CarrierFrozen, DeliveryMethod::StaffHandDelivery,
    DeliveryMethod::PatientPickup,
};

/// Temperature group of a parcel: temperature classes never share a parcel.
enum class ParcelTemperature {
    Room,     ///< room
    Chilled,  ///< chilled 2–8℃
    Frozen,   ///< frozen
};

/// The snake_case names used in the rules table and in APIs (e.g. "stimulant_raw_material").
std::string_view handlingClassName(HandlingClass c);
std::optional<HandlingClass> parseHandlingClass(std::string_view name);

/// "carrier_normal", "carrier_chilled", "carrier_frozen", "staff_hand_delivery",
/// "patient_pickup".
std::string_view deliveryMethodName(DeliveryMethod m);
std::optional<DeliveryMethod> parseDeliveryMethod(std::string_view name);

/// "room", "chilled", "frozen".
std::string_view parcelTemperatureName(ParcelTemperature t);

/// True for the three carrier methods.
bool isCarrierMethod(DeliveryMethod m);

}  // namespace rxdesk::dispatch
