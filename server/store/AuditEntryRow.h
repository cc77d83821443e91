#pragma once

#include <SQLiteCpp/Statement.h>

#include <string>
#include <string_view>

#include "audit/AuditEntry.h"

namespace rxdesk::store {

/// The audit_log columns that make an AuditEntry, comma-separated in the order
/// readAuditEntry reads them; each prefixed with `alias.` when an alias is given.
std::string auditEntryColumns(std::string_view alias = "");

/// Reads an AuditEntry from the current row's first columns (those of auditEntryColumns).
audit::AuditEntry readAuditEntry(SQLite::Statement& q);

}  // namespace rxdesk::store
