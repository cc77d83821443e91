#include "store/SqliteReportQueries.h"

#include <SQLiteCpp/Statement.h>

#include <map>
#include <set>

#include "core/TokyoTime.h"
#include "jahis/JahisParser.h"
#include "store/AuditEntryRow.h"
#include "store/GuidanceRecordRow.h"
#include "store/SqliteErrors.h"

namespace rxdesk::store {

using reporting::GuidanceRow;
using reporting::HandedItem;
using reporting::HandoverRow;

std::vector<GuidanceRow> SqliteReportQueries::guidanceRecords(std::int64_t from, std::int64_t to) {
    std::vector<GuidanceRow> out;
    try {
        // One range scan (guidance_records_by_started, 0007) reading every column, instead of
        // one SqliteGuidanceRepository::findRecord per session: a year holds tens of thousands.
        // The record's columns are read by readGuidanceRecord, as findRecord reads them.
        SQLite::Statement q(db_.connection(),
                            "SELECT " + guidanceRecordColumns("r") +
                                ", "
                                "COALESCE(a.prescription_id, 0), COALESCE(u.display_name, ''), "
                                "COALESCE(p.patient_name, '') "
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
            int i = 0;
            row.stored = readGuidanceRecord(q, i);
            auto next = [&]() -> SQLite::Column { return q.getColumn(i++); };
            row.prescription_id = next().getInt64();
            row.pharmacist_name = next().getString();
            row.patient_name = next().getString();
            out.push_back(std::move(row));
        }
    } catch (const SQLite::Exception& e) {
        throw translateSqliteError(e);
    }
    return out;
}

std::vector<shipping::ShipmentRecord> SqliteReportQueries::shipmentsOn(const std::string& date) {
    return shipments_.listByShipDate(date);
}

std::vector<HandoverRow> SqliteReportQueries::handovers(std::int64_t from, std::int64_t to) {
    std::vector<HandoverRow> out;
    try {
        const auto names = staffNames();
        // parcel_events_by_kind_at (0007) makes this a range scan over hand-overs only.
        SQLite::Statement q(db_.connection(),
                            "SELECT e.id, e.at, e.actor, e.recipient_name, e.identity_check, "
                            "e.note, pa.id, pa.parcel_number, pa.method, s.prescription_id, "
                            "s.patient_ref, COALESCE(p.patient_name, '') "
                            "FROM parcel_events e "
                            "JOIN parcels pa ON pa.id = e.parcel_id "
                            "JOIN shipments s ON s.id = pa.shipment_id "
                            "LEFT JOIN prescriptions p ON p.id = s.prescription_id "
                            "WHERE e.kind = 'delivered' AND e.at >= ? AND e.at < ? "
                            "ORDER BY e.at, e.id");
        q.bind(1, from);
        q.bind(2, to);
        SQLite::Statement items(db_.connection(),
                                "SELECT name, amount, claims_code FROM parcel_items "
                                "WHERE parcel_id = ? ORDER BY seq");
        SQLite::Statement content(db_.connection(),
                                  "SELECT content_jahis FROM prescriptions WHERE id = ?");
        // Parcels stored before 0008 need the prescription's content; several hand-overs of
        // one prescription parse it once.
        std::map<std::int64_t, std::shared_ptr<const prescription::Prescription>> parsed;
        const auto contentOf = [&](std::int64_t prescription_id) {
            auto [at, inserted] = parsed.try_emplace(prescription_id);
            if (!inserted) return at->second;
            content.reset();
            content.bind(1, prescription_id);
            if (content.executeStep() && !content.getColumn(0).isNull()) {
                // Content stored by intake parses; a row that does not (hand-edited data)
                // simply shows no drugs rather than failing the whole report.
                try {
                    auto rx =
                        jahis::JahisParser::parse(content.getColumn(0).getString()).prescription;
                    if (rx)
                        at->second =
                            std::make_shared<const prescription::Prescription>(std::move(*rx));
                } catch (const std::exception&) {
                    at->second.reset();
                }
            }
            return at->second;
        };
        while (q.executeStep()) {
            HandoverRow h;
            h.event_id = q.getColumn(0).getInt64();
            h.at = q.getColumn(1).getInt64();
            h.actor = q.getColumn(2).getString();
            if (auto name = names.find(h.actor); name != names.end()) h.actor_name = name->second;
            h.recipient_name = q.getColumn(3).getString();
            h.identity_check = dispatch::parseIdentityCheckMethod(q.getColumn(4).getString())
                                   .value_or(dispatch::IdentityCheckMethod::None);
            h.note = q.getColumn(5).getString();
            const std::int64_t parcel_id = q.getColumn(6).getInt64();
            h.parcel_number = q.getColumn(7).getString();
            h.method = q.getColumn(8).getString();
            h.prescription_id = q.getColumn(9).getInt64();
            h.patient_ref = q.getColumn(10).getString();
            h.patient_name = q.getColumn(11).getString();
            items.reset();
            items.bind(1, parcel_id);
            bool coded = true;
            while (items.executeStep()) {
                HandedItem item{items.getColumn(0).getString(), items.getColumn(1).getString(),
                                std::nullopt};
                if (items.getColumn(2).isNull())
                    coded = false;
                else
                    item.claims_code = items.getColumn(2).getString();
                h.items.push_back(std::move(item));
            }
            if (h.items.empty() || !coded) h.content = contentOf(h.prescription_id);
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

void SqliteReportQueries::recordDisclosures(std::int64_t audit_seq,
                                            const std::set<std::string>& patient_refs) {
    try {
        SQLite::Statement q(
            db_.connection(),
            "INSERT INTO report_disclosures (patient_ref, audit_seq) VALUES (?, ?)");
        for (const auto& ref : patient_refs) {
            if (ref.empty()) continue;
            q.reset();
            q.bind(1, ref);
            q.bind(2, audit_seq);
            q.exec();
        }
    } catch (const SQLite::Exception& e) {
        throw translateSqliteError(e);
    }
}

std::vector<audit::AuditEntry> SqliteReportQueries::reportsDisclosing(
    const std::string& patient_ref, std::int64_t from_ms, std::int64_t to_ms) {
    std::vector<audit::AuditEntry> out;
    try {
        // The primary key (patient_ref, audit_seq) finds the patient's reports; each is one
        // lookup by seq.
        SQLite::Statement q(db_.connection(),
                            "SELECT " + auditEntryColumns("a") +
                                " FROM report_disclosures d "
                                "JOIN audit_log a ON a.seq = d.audit_seq "
                                "WHERE d.patient_ref = ? AND a.at_ms >= ? AND a.at_ms < ? "
                                "ORDER BY a.seq");
        q.bind(1, patient_ref);
        q.bind(2, from_ms);
        q.bind(3, to_ms);
        while (q.executeStep()) {
            out.push_back(readAuditEntry(q));
        }
    } catch (const SQLite::Exception& e) {
        throw translateSqliteError(e);
    }
    return out;
}

}  // namespace rxdesk::store
