#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dispatch/rules/HandlingRule.h"
#include "dispatch/rules/HandlingVocabulary.h"

namespace rxdesk::dispatch {

/// One item to ship, described only by what matters for handling.
struct ShipmentItem {
    std::string ref;  ///< caller's id (dispensed line id); opaque here
    std::set<HandlingClass> classes;
};

/// Where the shipment goes.
struct Destination {
    bool abroad = false;          ///< outside Japan
    bool address_present = true;  ///< a delivery address is on file
};

/// Why a method (or the whole shipment) is refused.
struct Refusal {
    std::string rule_id;
    std::string reason;  ///< Japanese, from the rules table
    bool operator==(const Refusal&) const = default;
};

/// What a note asks of whoever hands the parcel over.
enum class NoteKind {
    Text,           ///< plain label note (要冷蔵 保冷剤同梱, 天地無用, 遮光 …)
    Signature,      ///< 署名要
    IdentityCheck,  ///< 本人確認要 / 本人限定受取
    NoLeaveAtDoor,  ///< 置き配不可
};

/// A handling note on a parcel; applies only when the parcel travels by one of `methods`.
struct ParcelNote {
    std::string rule_id;
    NoteKind kind = NoteKind::Text;
    std::string text;
    std::set<DeliveryMethod> methods;
    bool operator==(const ParcelNote&) const = default;
};

/// One parcel: items of one temperature group.
struct PlannedParcel {
    ParcelTemperature temperature = ParcelTemperature::Room;
    std::vector<std::size_t> items;             ///< indexes into the planned items
    std::vector<DeliveryMethod> allowed;        ///< in enum order; may be empty
    std::map<DeliveryMethod, Refusal> refused;  ///< every method not allowed, with the rule
    std::vector<ParcelNote> notes;              ///< deduplicated by text, table order
};

/// The outcome of planning a shipment.
struct ShippingPlan {
    std::optional<Refusal> refused;      ///< set when a `refuse` rule applied (e.g. abroad)
    std::vector<PlannedParcel> parcels;  ///< room, then chilled, then frozen; only non-empty
};

/// The answer to "may this parcel go by this method?".
struct MethodDecision {
    bool accepted = false;
    std::optional<Refusal> refusal;  ///< set exactly when not accepted
};

}  // namespace rxdesk::dispatch
