#include "store/SqliteReportQueries.h"

#include <SQLiteCpp/Statement.h>

#include "jahis/JahisParser.h"
#include "store/SqliteErrors.h"

namespace rxdesk::store {

using reporting::GuidanceRow;
using reporting::HandoverRow;

std::vector<GuidanceRow> SqliteReportQueries::guidanceRecords(std::int64_t from, std::int64_t to) {
    std::vector<GuidanceRow> out;
    try {
        // guidance_records_by_started (0007) makes this a range scan.
        SQLite::Statement q(db_.connection(),
                            "SELECT r.appointment_id, COALESCE(a.prescription_id, 0), "
                            "COALESCE(u.display_name, ''), COALESCE(p.patient_name, '') "
                            "FROM guidance_records r "
                            "LEFT JOIN guidance_appointments a ON a.id = r.appointment_id "
                            "LEFT JOIN users u ON u.id = r.pharmacist_id "
                            "LEFT JOIN prescriptions p ON p.id = a.prescription_id "
                            "WHERE r.started_at >= ? AND r.started_at < ? "
                            "ORDER BY r.started_at, r.appointment_id");
        q.bind(1, from);
        q.bind(2, to);
        while (q.executeStep()) {
            GuidanceRow row;
            row.stored.appointment_id = q.getColumn(0).getInt64();
            row.prescription_id = q.getColumn(1).getInt64();
            row.pharmacist_name = q.getColumn(2).getString();
            row.patient_name = q.getColumn(3).getString();
            out.push_back(std::move(row));
        }
    } catch (const SQLite::Exception& e) {
        throw translateSqliteError(e);
    }
    for (auto& row : out) {
        if (auto stored = guidance_.findRecord(row.stored.appointment_id))
            row.stored = std::move(*stored);
    }
    return out;
}

std::vector<shipping::ShipmentRecord> SqliteReportQueries::shipmentsOn(const std::string& date) {
    return shipments_.listByShipDate(date);
}

std::vector<HandoverRow> SqliteReportQueries::handovers(std::int64_t from, std::int64_t to) {
    std::vector<HandoverRow> out;
    try {
        // parcel_events_by_kind_at (0007) makes this a range scan over hand-overs only.
        SQLite::Statement q(db_.connection(),
                            "SELECT e.id, e.at, e.actor, COALESCE(u.display_name, ''), "
                            "e.recipient_name, e.identity_check, e.note, pa.id, pa.parcel_number, "
                            "pa.method, s.prescription_id, s.patient_ref, "
                            "COALESCE(p.patient_name, ''), p.content_jahis "
                            "FROM parcel_events e "
                            "JOIN parcels pa ON pa.id = e.parcel_id "
                            "JOIN shipments s ON s.id = pa.shipment_id "
                            "LEFT JOIN prescriptions p ON p.id = s.prescription_id "
                            "LEFT JOIN users u ON 'user:' || u.id = e.actor "
                            "WHERE e.kind = 'delivered' AND e.at >= ? AND e.at < ? "
                            "ORDER BY e.at, e.id");
        q.bind(1, from);
        q.bind(2, to);
        SQLite::Statement items(db_.connection(),
                                "SELECT name, amount FROM parcel_items WHERE parcel_id = ? "
                                "ORDER BY seq");
        while (q.executeStep()) {
            HandoverRow h;
            h.event_id = q.getColumn(0).getInt64();
            h.at = q.getColumn(1).getInt64();
            h.actor = q.getColumn(2).getString();
            h.actor_name = q.getColumn(3).getString();
            h.recipient_name = q.getColumn(4).getString();
            h.identity_check = dispatch::parseIdentityCheckMethod(q.getColumn(5).getString())
                                   .value_or(dispatch::IdentityCheckMethod::None);
            h.note = q.getColumn(6).getString();
            const std::int64_t parcel_id = q.getColumn(7).getInt64();
            h.parcel_number = q.getColumn(8).getString();
            h.method = q.getColumn(9).getString();
            h.prescription_id = q.getColumn(10).getInt64();
            h.patient_ref = q.getColumn(11).getString();
            h.patient_name = q.getColumn(12).getString();
            if (!q.getColumn(13).isNull()) {
                // Content stored by intake parses; a row that does not (hand-edited data)
                // simply shows no drugs rather than failing the whole report.
                try {
                    h.content = jahis::JahisParser::parse(q.getColumn(13).getString()).prescription;
                } catch (const std::exception&) {
                    h.content.reset();
                }
            }
            items.reset();
            items.bind(1, parcel_id);
            while (items.executeStep())
                h.items.push_back({items.getColumn(0).getString(), items.getColumn(1).getString()});
            out.push_back(std::move(h));
        }
    } catch (const SQLite::Exception& e) {
        throw translateSqliteError(e);
    }
    return out;
}

std::optional<std::string> SqliteReportQueries::patientRefOf(std::int64_t prescription_id) {
    SQLite::Statement q(db_.connection(), "SELECT patient_ref FROM prescriptions WHERE id = ?");
    q.bind(1, prescription_id);
    if (!q.executeStep() || q.getColumn(0).isNull() || q.getColumn(0).getString().empty())
        return std::nullopt;
    return q.getColumn(0).getString();
}

std::map<std::string, std::string> SqliteReportQueries::staffNames() {
    SQLite::Statement q(db_.connection(), "SELECT id, display_name FROM users");
    std::map<std::string, std::string> out;
    while (q.executeStep())
        out.emplace("user:" + std::to_string(q.getColumn(0).getInt64()),
                    q.getColumn(1).getString());
    return out;
}

}  // namespace rxdesk::store
