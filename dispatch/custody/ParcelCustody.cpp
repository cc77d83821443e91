#include "dispatch/custody/ParcelCustody.h"

#include <algorithm>
#include <cmath>

#include "core/Error.h"
#include "dispatch/rules/HandlingRules.h"

namespace rxdesk::dispatch {
namespace {

constexpr double kChilledMin = 2.0;
constexpr double kChilledMax = 8.0;
constexpr double kFrozenMax = -15.0;

CustodyRefusal refusal(std::string code, std::string reason) {
    return {std::move(code), std::move(reason)};
}

bool isTransition(CustodyEventKind k) {
    return k != CustodyEventKind::TemperatureReading && k != CustodyEventKind::PharmacistDecision;
}

const char* stateLabel(CustodyState s) {
    switch (s) {
        case CustodyState::NotPacked:
            return "未梱包";
        case CustodyState::Packed:
            return "梱包済み";
        case CustodyState::HandedToCarrier:
            return "配送業者に引渡し済み";
        case CustodyState::OutWithStaff:
            return "職員が配達中";
        case CustodyState::Delivered:
            return "受渡し済み";
        case CustodyState::Failed:
            return "配達不能";
        case CustodyState::ReturnedToPharmacy:
            return "薬局に返送済み";
        case CustodyState::Withdrawn:
            return "回収済み（出荷中止）";
    }
    return "";
}

}  // namespace

CustodyRequirements custodyRequirements(const PlannedParcel& parcel, DeliveryMethod method) {
    return {parcel.temperature, HandlingRules::hasRequirement(parcel, NoteKind::Signature, method),
            HandlingRules::hasRequirement(parcel, NoteKind::IdentityCheck, method)};
}

ParcelCustody::ParcelCustody(std::string parcel_id, CustodyRequirements requirements)
    : parcel_id_(std::move(parcel_id)), requirements_(requirements) {}

ParcelCustody ParcelCustody::replay(std::string parcel_id, CustodyRequirements requirements,
                                    const std::vector<CustodyEvent>& events) {
    ParcelCustody custody(std::move(parcel_id), requirements);
    for (const CustodyEvent& e : events) {
        if (auto refused = custody.record(e)) {
            throw Error(ErrorKind::Internal, "custody_log_invalid",
                        "stored custody log breaks the sequence rules: " + refused->code);
        }
    }
    return custody;
}

bool ParcelCustody::outOfRange(double c) const {
    switch (requirements_.temperature) {
        case ParcelTemperature::Chilled:
            return c < kChilledMin || c > kChilledMax;
        case ParcelTemperature::Frozen:
            return c > kFrozenMax;
        case ParcelTemperature::Room:
            return false;
    }
    return false;
}

std::optional<CustodyRefusal> ParcelCustody::check(const CustodyEvent& e) const {
    using K = CustodyEventKind;
    using S = CustodyState;
    auto invalid = [&](const char* what) {
        return refusal("invalid_transition", std::string("「") + stateLabel(state_) +
                                                 "」の荷物に「" + what + "」は記録できません");
    };
    if (state_ == S::NotPacked && e.kind != K::Packed) return invalid("梱包以外の記録");
    if (isTransition(e.kind) && last_transition_at_ && e.at < *last_transition_at_) {
        return refusal("out_of_order", "前の記録より前の時刻です");
    }
    auto handOverBlocked = [&]() -> std::optional<CustodyRefusal> {
        if (decision_pending_) {
            return refusal("temperature_decision_pending",
                           "温度逸脱があり薬剤師の判断待ちのため受け渡せません");
        }
        if (withdrawn_) return refusal("withdrawn", "薬剤師が出荷中止と判断した荷物です");
        return std::nullopt;
    };
    switch (e.kind) {
        case K::Packed:
            if (state_ != S::NotPacked) return invalid("梱包");
            return std::nullopt;
        case K::HandedToCarrier:
            if (state_ != S::Packed) return invalid("配送業者へ引渡し");
            return handOverBlocked();
        case K::OutWithStaff:
            if (state_ != S::Packed) return invalid("職員の配達出発");
            return handOverBlocked();
        case K::Delivered: {
            if (state_ != S::Packed && state_ != S::HandedToCarrier && state_ != S::OutWithStaff) {
                return invalid("受渡し");
            }
            if (state_ == S::HandedToCarrier) return std::nullopt;  // the carrier's fact
            if (auto blocked = handOverBlocked()) return blocked;
            if (e.recipient_name.empty()) {
                return refusal("recipient_required", "受け取った人の名前を記録してください");
            }
            if (requirements_.identity_check && e.identity_check == IdentityCheckMethod::None) {
                return refusal("identity_check_required",
                               "この荷物は本人確認が必要です（確認方法を記録してください）");
            }
            if (requirements_.signature && e.signature_ref.empty()) {
                return refusal("signature_required", "この荷物は受取人の署名が必要です");
            }
            return std::nullopt;
        }
        case K::Failed:
            if (state_ != S::HandedToCarrier && state_ != S::OutWithStaff)
                return invalid("配達不能");
            if (e.failure_reason.empty()) {
                return refusal("reason_required", "配達できなかった理由を記録してください");
            }
            return std::nullopt;
        case K::ReturnedToPharmacy:
            if (state_ != S::Failed) return invalid("薬局への返送");
            return std::nullopt;
        case K::ReceiptConfirmed:
            if (confirmed_) return refusal("already_confirmed", "受取確認はすでに記録されています");
            if (!(state_ == S::HandedToCarrier ||
                  (state_ == S::Delivered && channel_ == DeliveryChannel::Carrier))) {
                return invalid("受取確認");
            }
            if (!e.confirmation) {
                return refusal("confirmation_method_required",
                               "確認方法（電話・配達記録・アプリ）を記録してください");
            }
            return std::nullopt;
        case K::TemperatureReading:
            return std::nullopt;
        case K::PharmacistDecision:
            if (!decision_pending_) {
                return refusal("no_decision_pending", "判断を待っている温度逸脱はありません");
            }
            if (!e.decision)
                return refusal("decision_required", "判断（出荷可・出荷中止）を記録してください");
            return std::nullopt;
    }
    return invalid("不明な記録");
}

void ParcelCustody::apply(const CustodyEvent& e) {
    using K = CustodyEventKind;
    using S = CustodyState;
    if (isTransition(e.kind)) last_transition_at_ = e.at;
    switch (e.kind) {
        case K::Packed:
            state_ = S::Packed;
            break;
        case K::HandedToCarrier:
            state_ = S::HandedToCarrier;
            channel_ = DeliveryChannel::Carrier;
            handed_to_carrier_at_ = e.at;
            break;
        case K::OutWithStaff:
            state_ = S::OutWithStaff;
            channel_ = DeliveryChannel::Staff;
            break;
        case K::Delivered:
            if (state_ == S::Packed) channel_ = DeliveryChannel::Counter;
            state_ = S::Delivered;
            delivered_at_ = e.at;
            break;
        case K::Failed:
            state_ = S::Failed;
            break;
        case K::ReturnedToPharmacy:
            state_ = S::ReturnedToPharmacy;
            break;
        case K::ReceiptConfirmed:
            confirmed_ = true;
            // Confirming receipt of a parcel still marked as with the carrier is the first
            // news that it arrived.
            if (state_ == S::HandedToCarrier) {
                state_ = S::Delivered;
                delivered_at_ = e.at;
            }
            break;
        case K::TemperatureReading:
            if (outOfRange(e.celsius)) {
                if (!excursion_) {
                    excursion_ = TemperatureExcursion{e.at, e.celsius, 0};
                }
                TemperatureExcursion& x = *excursion_;
                ++x.readings_outside;
                x.first_at = std::min(x.first_at, e.at);
                bool worse = requirements_.temperature == ParcelTemperature::Frozen
                                 ? e.celsius > x.worst_celsius
                                 : std::abs(e.celsius - 5.0) > std::abs(x.worst_celsius - 5.0);
                if (worse) x.worst_celsius = e.celsius;
                decision_pending_ = true;
            }
            break;
        case K::PharmacistDecision:
            decision_pending_ = false;
            if (e.decision == ExcursionDecision::Withdraw) {
                withdrawn_ = true;
                if (state_ == S::Packed) state_ = S::Withdrawn;
            }
            break;
    }
    events_.push_back(e);
}

std::optional<CustodyRefusal> ParcelCustody::record(const CustodyEvent& event) {
    if (auto refused = check(event)) return refused;
    apply(event);
    return std::nullopt;
}

}  // namespace rxdesk::dispatch
