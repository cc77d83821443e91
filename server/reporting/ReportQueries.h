#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/AuditEntry.h"
#include "dispatch/custody/CustodyEvent.h"
#include "prescription/Prescription.h"
#include "scheduling/StoredRecord.h"
#include "shipping/ShipmentRecord.h"

namespace rxdesk::reporting {

/// A guidance record with what the printed record adds to it.
struct GuidanceRow {
    scheduling::StoredRecord stored;
    std::int64_t prescription_id = 0;
    std::string pharmacist_name;  ///< display name; "" when the account is gone
    std::string patient_name;     ///< patient data: printed, never logged
};

/// One line inside a handed-over parcel, as dispensed.
struct HandedItem {
    std::string name;
    std::string amount;
    /// The claims code of the drug dispensed, "" when it has none (name-only items, drugs not
    /// in the master); nullopt for lines stored before claims codes were kept, which are
    /// matched to the prescription's content by name.
    std::optional<std::string> claims_code;
};

/// One hand-over (custody event "delivered") with its parcel, shipment and prescription.
struct HandoverRow {
    std::int64_t event_id = 0;
    std::int64_t at = 0;     ///< Unix seconds
    std::string actor;       ///< "user:12" or "carrier"
    std::string actor_name;  ///< display name of a staff actor, else ""
    std::string recipient_name;
    dispatch::IdentityCheckMethod identity_check = dispatch::IdentityCheckMethod::None;
    std::string note;
    std::string parcel_number;
    std::string method;  ///< delivery method name of the parcel
    std::int64_t prescription_id = 0;
    std::string patient_ref;
    std::string patient_name;
    /// The prescription's content, read only when `items` cannot answer alone (no lines, or
    /// a line without a claims code: stored before codes were kept); null otherwise, and when
    /// not entered or unreadable.
    std::shared_ptr<const prescription::Prescription> content;  ///< shared by its hand-overs
    std::vector<HandedItem> items;                              ///< what the parcel held
};

/// Storage port for reports. Call the readers inside a Transactor read scope and
/// recordDisclosures inside a write scope. Periods are half-open [from, to) in Unix seconds
/// (milliseconds where the name says so).
class ReportQueries {
public:
    virtual ~ReportQueries() = default;

    /// Guidance records whose session started in the period, by start time.
    virtual std::vector<GuidanceRow> guidanceRecords(std::int64_t from, std::int64_t to) = 0;
    /// Shipments (with parcels) whose ship date is `date` (YYYY-MM-DD), by id.
    virtual std::vector<shipping::ShipmentRecord> shipmentsOn(const std::string& date) = 0;
    /// Hand-overs (custody events "delivered") in the period, oldest first.
    virtual std::vector<HandoverRow> handovers(std::int64_t from, std::int64_t to) = 0;
    /// The patient reference of a prescription; nullopt when it does not exist or has none.
    virtual std::optional<std::string> patientRefOf(std::int64_t prescription_id) = 0;
    /// Display names of every staff account, keyed by audit actor ("user:12").
    virtual std::map<std::string, std::string> staffNames() = 0;

    /// Records that the report generation audited as entry `audit_seq` showed the data of
    /// these patients (empty references are skipped). Call in the write scope that appended
    /// the entry.
    virtual void recordDisclosures(std::int64_t audit_seq,
                                   const std::set<std::string>& patient_refs) = 0;
    /// The audit entries of report generations that showed `patient_ref`'s data, recorded in
    /// [from_ms, to_ms), oldest first.
    virtual std::vector<audit::AuditEntry> reportsDisclosing(const std::string& patient_ref,
                                                             std::int64_t from_ms,
                                                             std::int64_t to_ms) = 0;
};

}  // namespace rxdesk::reporting
