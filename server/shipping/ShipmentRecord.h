#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dispatch/custody/CustodyEvent.h"
#include "dispatch/labels/HandlingMark.h"
#include "dispatch/rules/ShippingPlan.h"

namespace rxdesk::shipping {

/// Where a shipment goes. Patient data: stored, printed on the label, never logged.
struct Recipient {
    std::string name;
    std::string postcode;  ///< 7 digits, with or without the hyphen
    std::string address;
    std::string phone;
    std::string country = "JP";  ///< ISO 3166-1 alpha-2; anything but JP is abroad
};

/// One line inside a parcel as printed on the handling note (never on the label).
struct ParcelItem {
    std::string name;
    std::string amount;   ///< e.g. 「28錠」
    std::string usage;    ///< e.g. 「１日１回朝食後 14日分」
    std::string storage;  ///< e.g. 「冷所（2〜8℃）」, "" for room temperature
    /// The drug's claims code (the prescription's, or the master's for its YJ/MHLW/HOT code);
    /// "" when it has none or the item was stored before codes were kept. Never printed: the
    /// controlled-drug report matches by it.
    std::string claims_code{};
};

/// A parcel as stored: one temperature group of a shipment and the method it travels by.
struct ParcelRecord {
    std::int64_t id = 0;
    std::int64_t shipment_id = 0;
    int seq = 1;
    std::string parcel_number;  ///< 12 digits, the last a check digit (printed, QR, Code 128)
    dispatch::DeliveryMethod method = dispatch::DeliveryMethod::CarrierNormal;
    dispatch::ParcelTemperature temperature = dispatch::ParcelTemperature::Room;
    bool needs_signature = false;
    bool needs_identity_check = false;
    std::vector<labels::HandlingMark> marks;  ///< for the outer label
    std::vector<dispatch::ParcelNote> notes;  ///< the plan's notes for `method`
    std::string b2_handling;                  ///< 荷扱い１
    std::string b2_remarks;                   ///< 記事
    std::vector<ParcelItem> items;
};

/// A shipment as stored.
struct ShipmentRecord {
    std::int64_t id = 0;
    std::int64_t prescription_id = 0;
    std::string patient_ref;  ///< copied from the prescription for the audit trail
    std::string method;       ///< as requested: a delivery method name or "carrier"
    std::string time_slot;    ///< B2 code ("0812", "1416", …) or ""
    std::optional<std::int64_t> cash_on_delivery;  ///< yen
    Recipient recipient;
    std::string ship_date;  ///< YYYY-MM-DD
    std::int64_t created_at = 0;
    std::string created_by;
    std::vector<ParcelRecord> parcels;
};

/// A stored custody event of a parcel.
struct StoredCustodyEvent {
    std::int64_t id = 0;
    dispatch::CustodyEvent event;
};

}  // namespace rxdesk::shipping
