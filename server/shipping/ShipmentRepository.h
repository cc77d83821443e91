#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shipping/ShipmentRecord.h"

namespace rxdesk::shipping {

/// Storage port for shipments, parcels and custody logs. Call inside a Transactor scope.
class ShipmentRepository {
public:
    virtual ~ShipmentRepository() = default;

    /// Inserts the shipment with its parcels and their items; returns the new shipment id
    /// (parcel ids are filled in `shipment`). Throws Error(Conflict, "parcel_number_taken")
    /// when a parcel number is already used.
    virtual std::int64_t insert(ShipmentRecord& shipment) = 0;
    /// The shipment with parcels and items, or nullopt.
    virtual std::optional<ShipmentRecord> find(std::int64_t id) = 0;
    /// True when a parcel with this number exists.
    virtual bool parcelNumberTaken(const std::string& parcel_number) = 0;
    /// The shipment holding the parcel with this id or number, or nullopt.
    virtual std::optional<ShipmentRecord> findByParcelId(std::int64_t parcel_id) = 0;
    virtual std::optional<ShipmentRecord> findByParcelNumber(const std::string& parcel_number) = 0;
    /// Shipments whose ship date is `date` (YYYY-MM-DD), by id.
    virtual std::vector<ShipmentRecord> listByShipDate(const std::string& date) = 0;
    /// Shipments with a parcel handed to a carrier whose receipt is not confirmed yet.
    virtual std::vector<ShipmentRecord> listAwaitingReceipt() = 0;

    /// Appends an event to a parcel's custody log; returns its id.
    virtual std::int64_t appendEvent(std::int64_t parcel_id,
                                     const dispatch::CustodyEvent& event) = 0;
    /// The parcel's custody log, oldest first.
    virtual std::vector<StoredCustodyEvent> events(std::int64_t parcel_id) = 0;
};

}  // namespace rxdesk::shipping
