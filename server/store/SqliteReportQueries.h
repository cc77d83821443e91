#pragma once

#include "reporting/ReportQueries.h"
#include "store/Database.h"
#include "store/SqliteShipmentRepository.h"

namespace rxdesk::store {

/// ReportQueries over the intake, guidance, dispatch, account and audit tables. Shipments are
/// read through their own repository, so a report shows them exactly as the screens do;
/// guidance records are read in one range scan mapped the way SqliteGuidanceRepository maps
/// them; report disclosures go to `report_disclosures` (0008).
class SqliteReportQueries : public reporting::ReportQueries {
public:
    explicit SqliteReportQueries(Database& db) : db_(db), shipments_(db) {}

    std::vector<reporting::GuidanceRow> guidanceRecords(std::int64_t from,
                                                        std::int64_t to) override;
    std::vector<shipping::ShipmentRecord> shipmentsOn(const std::string& date) override;
    std::vector<reporting::HandoverRow> handovers(std::int64_t from, std::int64_t to) override;
    std::optional<std::string> patientRefOf(std::int64_t prescription_id) override;
    std::map<std::string, std::string> staffNames() override;
    void recordDisclosures(std::int64_t audit_seq,
                           const std::set<std::string>& patient_refs) override;
    std::vector<audit::AuditEntry> reportsDisclosing(const std::string& patient_ref,
                                                     std::int64_t from_ms,
                                                     std::int64_t to_ms) override;

private:
    Database& db_;
    SqliteShipmentRepository shipments_;
};

}  // namespace rxdesk::store
