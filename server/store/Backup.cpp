#include "store/Backup.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Exception.h>

#include "core/Error.h"
#include "store/SqliteErrors.h"

namespace rxdesk::store {

BackupReport backupDataDir(Database& db, FileBlobStore& blobs, FileSystem& fs,
                           const std::string& dest) {
    BackupReport report;
    report.database_path = dest + "/rxdesk.db";
    if (fs.exists(report.database_path))
        throw Error(ErrorKind::Conflict, "backup_exists",
                    "バックアップ先に既にデータベースがあります");
    fs.createDirectories(dest);
    try {
        SQLite::Database source(db.path(), SQLite::OPEN_READONLY);
        SQLite::Database target(report.database_path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        SQLite::Backup backup(target, source);
        backup.executeStep(-1);
        report.schema_version = target.execAndGet("PRAGMA user_version").getInt();
    } catch (const SQLite::Exception& e) {
        fs.remove(report.database_path);
        throw translateSqliteError(e);
    }
    FileBlobStore copy(fs, dest + "/blobs");
    for (const std::string& id : blobs.list()) {
        copy.put(blobs.get(id));
        ++report.blobs;
    }
    return report;
}

}  // namespace rxdesk::store
