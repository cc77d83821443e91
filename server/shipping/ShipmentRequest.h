#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dispatch/custody/ParcelCustody.h"
#include "dispatch/custody/UnconfirmedDeliveries.h"
#include "dispatch/rules/ShippingPlan.h"
#include "shipping/ShipmentRecord.h"

namespace rxdesk::shipping {

/// What the counter asks for (POST /api/v1/shipments).
struct ShipmentRequest {
    std::int64_t prescription_id = 0;
    Recipient destination;  ///< empty name: the patient's name from the prescription
    /// A delivery method name, or "carrier": each parcel by the carrier service of its
    /// temperature (normal, chilled, frozen).
    std::string preferred_method;
    std::string time_slot;  ///< "" or a B2 code: 0812, 1416, 1618, 1820, 1921
    std::optional<std::int64_t> cash_on_delivery;  ///< yen, collected once per shipment
    std::optional<std::string> ship_date;          ///< YYYY-MM-DD; default today (Tokyo)
    bool dry_run = false;                          ///< plan only, store nothing
};

/// Why the requested method (or any shipment) is refused: the rule and its reason.
struct ShipmentRefusal {
    std::string rule_id;
    std::string reason;  ///< Japanese, from the rules table
    std::string method;  ///< the method refused ("" when the whole shipment is refused)
    int parcel_seq = 0;  ///< 1-based parcel the refusal is about (0: the whole shipment)
};

/// The plan and, unless refused or a dry run, the stored shipment.
struct ShipmentOutcome {
    dispatch::ShippingPlan plan;
    std::vector<std::vector<ParcelItem>> parcel_items;  ///< per planned parcel
    std::optional<ShipmentRefusal> refusal;
    std::optional<ShipmentRecord> shipment;
};

/// A parcel with its custody state, as the custody endpoints answer.
struct ParcelStatus {
    ShipmentRecord shipment;
    ParcelRecord parcel;
    dispatch::ParcelCustody custody;
    std::string prescription_status;  ///< after any lifecycle step this event took
};

/// One shipment of a day as the dispatch desk lists it: its parcels' custody (in the order
/// of shipment.parcels) and where its prescription is in the lifecycle.
struct DayShipment {
    ShipmentRecord shipment;
    std::vector<dispatch::ParcelCustody> custody;
    std::string prescription_status;
};

/// One carrier delivery awaiting the patient's receipt confirmation.
struct UnconfirmedParcel {
    ShipmentRecord shipment;
    ParcelRecord parcel;
    dispatch::UnconfirmedDelivery delivery;
};

}  // namespace rxdesk::shipping
