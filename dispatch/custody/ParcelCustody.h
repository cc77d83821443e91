#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dispatch/custody/CustodyEvent.h"
#include "dispatch/rules/HandlingVocabulary.h"
#include "dispatch/rules/ShippingPlan.h"

namespace rxdesk::dispatch {

/// Where a parcel is in its journey.
enum class CustodyState {
    NotPacked,  ///< no event yet
    Packed,
    HandedToCarrier,
    OutWithStaff,
    Delivered,
    Failed,
    ReturnedToPharmacy,  ///< terminal
    Withdrawn,           ///< terminal: withdrawn by a pharmacist before it left
};

/// Who carried (or is carrying) the parcel.
enum class DeliveryChannel {
    None,     ///< still at the pharmacy
    Carrier,  ///< via handed_to_carrier
    Staff,    ///< via out_with_staff
    Counter,  ///< delivered straight from packed: picked up at the pharmacy
};

/// What hand-over needs, fixed when the parcel is packed (from the shipping plan).
struct CustodyRequirements {
    ParcelTemperature temperature = ParcelTemperature::Room;
    bool signature = false;       ///< staff/counter hand-over needs a signature image
    bool identity_check = false;  ///< staff/counter hand-over needs an identity check

    bool operator==(const CustodyRequirements&) const = default;
};

/// The requirements of `parcel` when it travels by `method` (signature and identity-check
/// notes of the plan).
CustodyRequirements custodyRequirements(const PlannedParcel& parcel, DeliveryMethod method);

/// Why an event was refused.
struct CustodyRefusal {
    std::string code;    ///< e.g. "invalid_transition", "signature_required"
    std::string reason;  ///< Japanese, never contains patient data
    bool operator==(const CustodyRefusal&) const = default;
};

/// The worst of the temperature readings outside the allowed range (chilled 2–8℃, frozen
/// at or below -15℃) since the parcel was packed.
struct TemperatureExcursion {
    TimePoint first_at{};
    double worst_celsius = 0.0;
    std::size_t readings_outside = 0;
};

/// One parcel's custody: an append-only event log plus the state it implies.
///
/// Sequence: packed → handed_to_carrier | out_with_staff → delivered | failed(reason) →
/// returned_to_pharmacy; packed → delivered is a counter pickup. Staff and counter
/// deliveries need the recipient's name, and the identity check / signature image the
/// requirements ask for. receipt_confirmed (phone / carrier record / app) is accepted once,
/// after a carrier delivery or while the parcel is with the carrier (the confirmation then
/// also records the delivery). Temperature readings are accepted at any time after packing;
/// on a chilled or frozen parcel a reading out of range flags the parcel for a pharmacist's
/// decision: until it is made, the parcel may not be handed to anyone (carrier, staff or
/// patient). A withdraw decision ends a packed parcel (Withdrawn) and forbids any later
/// staff/counter delivery. Transition events must not be dated before the previous one.
class ParcelCustody {
public:
    ParcelCustody(std::string parcel_id, CustodyRequirements requirements);

    /// Rebuilds a parcel from its stored log. Throws Error(ErrorKind::Internal,
    /// "custody_log_invalid") when the stored log breaks the rules (a corrupt store).
    static ParcelCustody replay(std::string parcel_id, CustodyRequirements requirements,
                                const std::vector<CustodyEvent>& events);

    /// Why `event` would be refused now; nullopt when it would be accepted.
    std::optional<CustodyRefusal> check(const CustodyEvent& event) const;

    /// Appends `event` when check() accepts it; otherwise changes nothing and returns the
    /// refusal.
    std::optional<CustodyRefusal> record(const CustodyEvent& event);

    const std::string& parcelId() const { return parcel_id_; }
    const CustodyRequirements& requirements() const { return requirements_; }
    const std::vector<CustodyEvent>& events() const { return events_; }
    CustodyState state() const { return state_; }
    DeliveryChannel channel() const { return channel_; }
    bool receiptConfirmed() const { return confirmed_; }
    std::optional<TimePoint> handedToCarrierAt() const { return handed_to_carrier_at_; }
    std::optional<TimePoint> deliveredAt() const { return delivered_at_; }
    /// True while an out-of-range reading waits for a pharmacist's decision.
    bool awaitingPharmacistDecision() const { return decision_pending_; }
    /// Readings out of range so far (decided or not); nullopt when there were none.
    const std::optional<TemperatureExcursion>& excursion() const { return excursion_; }
    bool withdrawn() const { return withdrawn_; }

private:
    void apply(const CustodyEvent& event);
    bool outOfRange(double celsius) const;

    std::string parcel_id_;
    CustodyRequirements requirements_;
    std::vector<CustodyEvent> events_;
    CustodyState state_ = CustodyState::NotPacked;
    DeliveryChannel channel_ = DeliveryChannel::None;
    bool confirmed_ = false;
    bool decision_pending_ = false;
    bool withdrawn_ = false;
    std::optional<TimePoint> last_transition_at_;
    std::optional<TimePoint> handed_to_carrier_at_;
    std::optional<TimePoint> delivered_at_;
    std::optional<TemperatureExcursion> excursion_;
};

}  // namespace rxdesk::dispatch
