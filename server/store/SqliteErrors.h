#pragma once

#include <SQLiteCpp/Exception.h>

#include "core/Error.h"

namespace rxdesk::store {

/// Translates a SQLite failure at the store's edge: a full disk, a locked database or any
/// other failure becomes Error(Storage, …), a constraint violation Error(Conflict, …).
/// Messages name no data.
Error translateSqliteError(const SQLite::Exception& e);

/// True when `e` is a UNIQUE or PRIMARY KEY constraint violation.
bool isUniqueViolation(const SQLite::Exception& e);

}  // namespace rxdesk::store
