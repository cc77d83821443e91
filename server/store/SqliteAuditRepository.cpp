#include "store/SqliteAuditRepository.h"

#include <SQLiteCpp/Statement.h>

#include "store/AuditEntryRow.h"

namespace rxdesk::store {
namespace {

const std::string kSelect = "SELECT " + auditEntryColumns() + " FROM audit_log ";

}  // namespace

audit::ChainHead SqliteAuditRepository::head() {
    auto q_statement = db_.statement("SELECT seq, hash FROM audit_chain_head WHERE id = 1");
    SQLite::Statement& q = *q_statement;
    if (!q.executeStep()) return {};
    return audit::ChainHead{q.getColumn(0).getInt64(), q.getColumn(1).getString()};
}

void SqliteAuditRepository::append(const audit::AuditEntry& e) {
    auto q_statement = db_.statement(
        "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, "
        "object_id, patient_ref, remote_addr, outcome, detail, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement& q = *q_statement;
    q.bind(1, e.seq);
    q.bind(2, e.at_ms);
    q.bind(3, e.event.actor);
    q.bind(4, e.event.action);
    q.bind(5, e.event.object_type);
    q.bind(6, e.event.object_id);
    if (e.event.patient_ref) q.bind(7, *e.event.patient_ref);
    q.bind(8, e.event.remote_addr);
    q.bind(9, e.event.outcome);
    q.bind(10, e.event.detail);
    q.bind(11, e.prev_hash);
    q.bind(12, e.hash);
    q.exec();
    auto h_statement = db_.statement(
        "INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash");
    SQLite::Statement& h = *h_statement;
    h.bind(1, e.seq);
    h.bind(2, e.hash);
    h.exec();
}

void SqliteAuditRepository::forEach(const std::function<void(const audit::AuditEntry&)>& visit) {
    auto q_statement = db_.statement(kSelect + "ORDER BY seq");
    SQLite::Statement& q = *q_statement;
    while (q.executeStep()) visit(readAuditEntry(q));
}

std::vector<audit::AuditEntry> SqliteAuditRepository::forPatient(const std::string& patient_ref,
                                                                 std::int64_t from_ms,
                                                                 std::int64_t to_ms) {
    auto q_statement =
        db_.statement(kSelect + "WHERE patient_ref = ? AND at_ms >= ? AND at_ms < ? ORDER BY seq");
    SQLite::Statement& q = *q_statement;
    q.bind(1, patient_ref);
    q.bind(2, from_ms);
    q.bind(3, to_ms);
    std::vector<audit::AuditEntry> out;
    while (q.executeStep()) out.push_back(readAuditEntry(q));
    return out;
}

}  // namespace rxdesk::store
