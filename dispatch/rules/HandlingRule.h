#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dispatch/rules/HandlingVocabulary.h"

namespace rxdesk::dispatch {

/// When a rule applies to a parcel.
struct RuleCondition {
    enum class Kind {
        ItemClass,  ///< some item in the parcel has `item_class`
        Room,       ///< "room": the parcel is a room-temperature parcel
        Abroad,     ///< "abroad": the destination is outside Japan
        NoAddress,  ///< "no_address": no delivery address is on file
        Any,        ///< "any": every parcel
    };
    Kind kind = Kind::Any;
    HandlingClass item_class = HandlingClass::Narcotic;  ///< only for Kind::ItemClass

    bool operator==(const RuleCondition&) const = default;
};

/// What a rule does when it applies.
enum class RuleEffect {
    Refuse,         ///< refuse: no method at all; the whole shipment is refused
    AllowOnly,      ///< allow_only: methods not listed are refused
    Forbid,         ///< forbid: listed methods are refused
    Note,           ///< note: label text for the listed methods
    Signature,      ///< signature: hand-over needs the recipient's signature
    IdentityCheck,  ///< identity_check: hand-over needs an identity check
    NoLeaveAtDoor,  ///< no_leave_at_door: must not be left at the door
};

/// One row of the handling rules table.
struct HandlingRule {
    std::string id;  ///< e.g. "NARC-METHOD", unique in the table
    RuleCondition when;
    RuleEffect effect = RuleEffect::Note;
    std::vector<DeliveryMethod> methods;  ///< empty for note-like effects means "all"
    std::string text;                     ///< Japanese reason (refusals) or label note
    std::size_t line = 0;                 ///< line in the table file, for messages
};

}  // namespace rxdesk::dispatch
