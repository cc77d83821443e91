#pragma once

#include <SQLiteCpp/Statement.h>

#include <string>
#include <string_view>

#include "scheduling/GuidanceRepository.h"

namespace rxdesk::store {

/// The guidance_records columns that make a StoredRecord, comma-separated in the order
/// readGuidanceRecord reads them; each prefixed with `alias.` when an alias is given.
std::string guidanceRecordColumns(std::string_view alias = "");

/// Reads a StoredRecord from the current row, starting at column `column` (the columns of
/// guidanceRecordColumns); leaves `column` at the first column after them.
scheduling::StoredRecord readGuidanceRecord(SQLite::Statement& q, int& column);

}  // namespace rxdesk::store
