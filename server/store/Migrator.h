#pragma once

#include <vector>

#include "EmbeddedMigrations.h"
#include "store/Database.h"

namespace rxdesk::store {

/// What `Migrator::migrate` did.
struct MigrationReport {
    int from_version = 0;
    int to_version = 0;
};

/// Applies forward-only migrations, each in its own transaction together with
/// `PRAGMA user_version`. Refuses (Error Storage "database_too_new") a database whose
/// version is newer than the newest migration known to this binary.
class Migrator {
public:
    static MigrationReport migrate(Database& db,
                                   const std::vector<schema::Migration>& migrations =
                                       schema::embeddedMigrations());

    static int currentVersion(Database& db);
};

}  // namespace rxdesk::store
