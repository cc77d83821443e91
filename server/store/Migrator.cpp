#include "store/Migrator.h"

#include <SQLiteCpp/Exception.h>

#include "core/Error.h"
#include "store/SqliteErrors.h"

namespace rxdesk::store {

int Migrator::currentVersion(Database& db) {
    return db.withWriter([](SQLite::Database& c) {
        return c.execAndGet("PRAGMA user_version").getInt();
    });
}

MigrationReport Migrator::migrate(Database& db, const std::vector<schema::Migration>& migrations) {
    MigrationReport report;
    report.from_version = report.to_version = currentVersion(db);
    int newest = migrations.empty() ? 0 : migrations.back().version;
    if (report.from_version > newest)
        throw Error(ErrorKind::Storage, "database_too_new",
                    "データベースのスキーマ (" + std::to_string(report.from_version) +
                        ") がこのプログラム (" + std::to_string(newest) +
                        ") より新しいため起動できません");
    for (const auto& m : migrations) {
        if (m.version <= report.to_version) continue;
        db.withWriter([&](SQLite::Database& c) {
            try {
                c.exec("BEGIN IMMEDIATE");
                c.exec(std::string(m.sql));
                c.exec("PRAGMA user_version = " + std::to_string(m.version));
                c.exec("COMMIT");
            } catch (const SQLite::Exception& e) {
                try {
                    c.exec("ROLLBACK");
                } catch (...) {
                }
                throw Error(ErrorKind::Storage, "migration_failed",
                            "スキーマ移行 " + std::string(m.name) + " に失敗しました: " + e.what());
            }
        });
        report.to_version = m.version;
    }
    return report;
}

}  // namespace rxdesk::store
