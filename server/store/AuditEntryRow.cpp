#include "store/AuditEntryRow.h"

#include <SQLiteCpp/Column.h>

#include <array>

namespace rxdesk::store {
namespace {

constexpr std::array<std::string_view, 12> kColumns = {
    "seq",         "at_ms",       "actor",   "action", "object_type", "object_id",
    "patient_ref", "remote_addr", "outcome", "detail", "prev_hash",   "hash"};

}  // namespace

std::string auditEntryColumns(std::string_view alias) {
    std::string out;
    for (auto name : kColumns) {
        if (!out.empty()) out += ", ";
        if (!alias.empty()) (out += alias) += '.';
        out += name;
    }
    return out;
}

audit::AuditEntry readAuditEntry(SQLite::Statement& q) {
    audit::AuditEntry e;
    e.seq = q.getColumn(0).getInt64();
    e.at_ms = q.getColumn(1).getInt64();
    e.event.actor = q.getColumn(2).getString();
    e.event.action = q.getColumn(3).getString();
    e.event.object_type = q.getColumn(4).getString();
    e.event.object_id = q.getColumn(5).getString();
    if (!q.getColumn(6).isNull()) e.event.patient_ref = q.getColumn(6).getString();
    e.event.remote_addr = q.getColumn(7).getString();
    e.event.outcome = q.getColumn(8).getString();
    e.event.detail = q.getColumn(9).getString();
    e.prev_hash = q.getColumn(10).getString();
    e.hash = q.getColumn(11).getString();
    return e;
}

}  // namespace rxdesk::store
