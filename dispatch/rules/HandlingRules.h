#pragma once

#include <string_view>
#include <vector>

#include "dispatch/rules/HandlingRule.h"
#include "dispatch/rules/ShippingPlan.h"

namespace rxdesk::dispatch {

/// The rules engine. Immutable after construction; safe to share between threads.
class HandlingRules {
public:
    explicit HandlingRules(std::vector<HandlingRule> rules);

    /// Parses `text` (see parseHandlingRules) and throws
    /// Error(ErrorKind::BadRequest, "bad_handling_rules", …) naming the first problem's line
    /// when the table has any problem: a half-read table could allow a forbidden method.
    static HandlingRules fromText(std::string_view text);

    /// Plans a shipment. Items are grouped into parcels by temperature (an item with `frozen`
    /// is frozen, else with `cold` chilled, else room); every rule whose condition holds for
    /// a parcel applies to it. A method is refused by the first rule in table order that
    /// refuses it; the remaining methods are allowed. No items → no parcels.
    ShippingPlan plan(const std::vector<ShipmentItem>& items, const Destination& destination) const;

    /// Whether `parcel` may travel by `method`; a refusal names the rule.
    static MethodDecision check(const PlannedParcel& parcel, DeliveryMethod method);

    /// The notes that apply when `parcel` travels by `method`.
    static std::vector<ParcelNote> notesFor(const PlannedParcel& parcel, DeliveryMethod method);

    /// True when a note of `kind` applies to `parcel` travelling by `method`.
    static bool hasRequirement(const PlannedParcel& parcel, NoteKind kind, DeliveryMethod method);

    const std::vector<HandlingRule>& rules() const { return rules_; }

private:
    std::vector<HandlingRule> rules_;
};

}  // namespace rxdesk::dispatch
