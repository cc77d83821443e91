#include "store/Database.h"
#include "store/Migrator.h"
#include "store/SqliteOutboxStore.h"
#include "support/TempDir.h"
#include "unit/notify/OutboxStoreContract.h"

namespace rxdesk::notify::contract {
namespace {

// The SQLite store on a real, migrated database file.
struct DatabaseHolder {
    testing::TempDir dir;
    store::Database db{dir.path() + "/outbox.db", store::Durability::Normal};
    DatabaseHolder() { store::Migrator::migrate(db); }
};

class SqliteStore : private DatabaseHolder, public store::SqliteOutboxStore {
public:
    SqliteStore() : store::SqliteOutboxStore(db) {}
    std::size_t size() { return list({std::nullopt, "", 100000}).size(); }
};

}  // namespace

INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, OutboxStoreContract, ::testing::Types<SqliteStore>);

}  // namespace rxdesk::notify::contract
