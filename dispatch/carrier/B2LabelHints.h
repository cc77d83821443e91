#pragma once

#include <optional>
#include <string>

#include "dispatch/carrier/B2Shipment.h"
#include "dispatch/rules/ShippingPlan.h"

namespace rxdesk::dispatch {

/// What a planned parcel contributes to its B2 label.
struct B2LabelHints {
    B2CoolClass cool = B2CoolClass::Normal;
    std::string handling1;  ///< 荷扱い１: "天地無用" when the plan notes it
    std::string remarks;  ///< 記事: "置き配不可" and/or "署名要" when the plan requires them
};

/// Label hints for a parcel going by a carrier method; nullopt for staff hand delivery and
/// pickup (no carrier label). Only notes that say nothing about the contents are carried
/// over: 天地無用 as 荷扱い, 置き配不可 and 署名要 as 記事. Temperature travels as the cool
/// class, never as text.
std::optional<B2LabelHints> b2LabelHints(const PlannedParcel& parcel, DeliveryMethod method);

}  // namespace rxdesk::dispatch
