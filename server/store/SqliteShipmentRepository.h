#pragma once

#include "shipping/ShipmentRepository.h"
#include "store/Database.h"

namespace rxdesk::store {

/// ShipmentRepository over `shipments`, `parcels`, `parcel_items` and `parcel_events`.
class SqliteShipmentRepository : public shipping::ShipmentRepository {
public:
    explicit SqliteShipmentRepository(Database& db) : db_(db) {}

    std::int64_t insert(shipping::ShipmentRecord& shipment) override;
    std::optional<shipping::ShipmentRecord> find(std::int64_t id) override;
    bool parcelNumberTaken(const std::string& parcel_number) override;
    std::optional<shipping::ShipmentRecord> findByParcelId(std::int64_t parcel_id) override;
    std::optional<shipping::ShipmentRecord> findByParcelNumber(
        const std::string& parcel_number) override;
    std::vector<shipping::ShipmentRecord> listByShipDate(const std::string& date) override;
    std::vector<shipping::ShipmentRecord> listAwaitingReceipt() override;
    std::int64_t appendEvent(std::int64_t parcel_id, const dispatch::CustodyEvent& event) override;
    std::vector<shipping::StoredCustodyEvent> events(std::int64_t parcel_id) override;

private:
    std::vector<shipping::ShipmentRecord> findAll(const std::string& where_sql,
                                                  const std::string& value);
    void loadParcels(shipping::ShipmentRecord& shipment);
    Database& db_;
};

}  // namespace rxdesk::store
