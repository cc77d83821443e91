#include "dispatch/rules/HandlingRules.h"

#include <algorithm>
#include <array>

#include "core/Error.h"
#include "dispatch/rules/HandlingRulesParser.h"

namespace rxdesk::dispatch {
namespace {

ParcelTemperature temperatureOf(const ShipmentItem& item) {
    if (item.classes.contains(HandlingClass::Frozen)) return ParcelTemperature::Frozen;
    if (item.classes.contains(HandlingClass::Cold)) return ParcelTemperature::Chilled;
    return ParcelTemperature::Room;
}

bool holds(const RuleCondition& when, const PlannedParcel& parcel,
           const std::vector<ShipmentItem>& items, const Destination& destination) {
    switch (when.kind) {
        case RuleCondition::Kind::Any:
            return true;
        case RuleCondition::Kind::Abroad:
            return destination.abroad;
        case RuleCondition::Kind::NoAddress:
            return !destination.address_present;
        case RuleCondition::Kind::Room:
            return parcel.temperature == ParcelTemperature::Room;
        case RuleCondition::Kind::ItemClass:
            return std::any_of(parcel.items.begin(), parcel.items.end(), [&](std::size_t i) {
                return items[i].classes.contains(when.item_class);
            });
    }
    return false;
}

NoteKind noteKindOf(RuleEffect effect) {
    switch (effect) {
        case RuleEffect::Signature:
            return NoteKind::Signature;
        case RuleEffect::IdentityCheck:
            return NoteKind::IdentityCheck;
        case RuleEffect::NoLeaveAtDoor:
            return NoteKind::NoLeaveAtDoor;
        default:
            return NoteKind::Text;
    }
}

void refuse(PlannedParcel& parcel, DeliveryMethod method, const HandlingRule& rule) {
    // emplace keeps the earlier rule: table order decides which rule is named.
    parcel.refused.emplace(method, Refusal{rule.id, rule.text});
}

}  // namespace

HandlingRules::HandlingRules(std::vector<HandlingRule> rules) : rules_(std::move(rules)) {}

HandlingRules HandlingRules::fromText(std::string_view text) {
    HandlingRulesTable table = parseHandlingRules(text);
    if (!table.problems.empty()) {
        const ImportProblem& p = table.problems.front();
        throw Error(ErrorKind::BadRequest, "bad_handling_rules",
                    "配送ルール表の " + std::to_string(p.line) + " 行目: " + p.reason);
    }
    return HandlingRules(std::move(table.rules));
}

ShippingPlan HandlingRules::plan(const std::vector<ShipmentItem>& items,
                                 const Destination& destination) const {
    ShippingPlan plan;
    constexpr std::array kOrder{ParcelTemperature::Room, ParcelTemperature::Chilled,
                                ParcelTemperature::Frozen};
    for (ParcelTemperature t : kOrder) {
        PlannedParcel parcel;
        parcel.temperature = t;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (temperatureOf(items[i]) == t) parcel.items.push_back(i);
        }
        if (parcel.items.empty()) continue;

        for (const HandlingRule& rule : rules_) {
            if (!holds(rule.when, parcel, items, destination)) continue;
            switch (rule.effect) {
                case RuleEffect::Refuse:
                    if (!plan.refused) plan.refused = Refusal{rule.id, rule.text};
                    for (DeliveryMethod m : kAllDeliveryMethods) refuse(parcel, m, rule);
                    break;
                case RuleEffect::Forbid:
                    for (DeliveryMethod m : rule.methods) refuse(parcel, m, rule);
                    break;
                case RuleEffect::AllowOnly:
                    for (DeliveryMethod m : kAllDeliveryMethods) {
                        if (std::find(rule.methods.begin(), rule.methods.end(), m) ==
                            rule.methods.end()) {
                            refuse(parcel, m, rule);
                        }
                    }
                    break;
                case RuleEffect::Note:
                case RuleEffect::Signature:
                case RuleEffect::IdentityCheck:
                case RuleEffect::NoLeaveAtDoor: {
                    std::set<DeliveryMethod> methods(rule.methods.begin(), rule.methods.end());
                    if (methods.empty())
                        methods.insert(kAllDeliveryMethods.begin(), kAllDeliveryMethods.end());
                    NoteKind kind = noteKindOf(rule.effect);
                    auto same = std::find_if(
                        parcel.notes.begin(), parcel.notes.end(),
                        [&](const ParcelNote& n) { return n.kind == kind && n.text == rule.text; });
                    if (same != parcel.notes.end()) {
                        same->methods.insert(methods.begin(), methods.end());
                    } else {
                        parcel.notes.push_back({rule.id, kind, rule.text, std::move(methods)});
                    }
                    break;
                }
            }
        }
        for (DeliveryMethod m : kAllDeliveryMethods) {
            if (!parcel.refused.contains(m)) parcel.allowed.push_back(m);
        }
        plan.parcels.push_back(std::move(parcel));
    }
    return plan;
}

MethodDecision HandlingRules::check(const PlannedParcel& parcel, DeliveryMethod method) {
    auto it = parcel.refused.find(method);
    if (it == parcel.refused.end()) return {true, std::nullopt};
    return {false, it->second};
}

std::vector<ParcelNote> HandlingRules::notesFor(const PlannedParcel& parcel,
                                                DeliveryMethod method) {
    std::vector<ParcelNote> notes;
    for (const ParcelNote& n : parcel.notes) {
        if (n.methods.contains(method)) notes.push_back(n);
    }
    return notes;
}

bool HandlingRules::hasRequirement(const PlannedParcel& parcel, NoteKind kind,
                                   DeliveryMethod method) {
    return std::any_of(parcel.notes.begin(), parcel.notes.end(), [&](const ParcelNote& n) {
        return n.kind == kind && n.methods.contains(method);
    });
}

}  // namespace rxdesk::dispatch
