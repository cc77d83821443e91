#pragma once

#include "reporting/ReportQueries.h"
#include "store/Database.h"
#include "store/SqliteGuidanceRepository.h"
#include "store/SqliteShipmentRepository.h"

namespace rxdesk::store {

/// ReportQueries over the intake, guidance, dispatch and account tables. Shipments and
/// guidance records are read through their own repositories, so a report shows them exactly
/// as the screens do.
class SqliteReportQueries : public reporting::ReportQueries {
public:
    explicit SqliteReportQueries(Database& db) : db_(db), guidance_(db), shipments_(db) {}

    std::vector<reporting::GuidanceRow> guidanceRecords(std::int64_t from,
                                                        std::int64_t to) override;
    std::vector<shipping::ShipmentRecord> shipmentsOn(const std::string& date) override;
    std::vector<reporting::HandoverRow> handovers(std::int64_t from, std::int64_t to) override;
    std::optional<std::string> patientRefOf(std::int64_t prescription_id) override;
    std::map<std::string, std::string> staffNames() override;

private:
    Database& db_;
    SqliteGuidanceRepository guidance_;
    SqliteShipmentRepository shipments_;
};

}  // namespace rxdesk::store
