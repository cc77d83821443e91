#include "store/Backup.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Exception.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "core/Error.h"
#include "store/SqliteErrors.h"

namespace rxdesk::store {
namespace {

// A byte-for-byte copy created 0600 with O_EXCL: never readable by others, never overwriting.
bool copyPrivateFile(const std::string& from, const std::string& to) {
    int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) return false;
    int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    bool ok = out >= 0;
    char buffer[4096];
    ssize_t n = 0;
    while (ok && (n = ::read(in, buffer, sizeof buffer)) > 0)
        ok = ::write(out, buffer, size_t(n)) == n;
    ok = ok && n == 0 && ::fsync(out) == 0;
    if (out >= 0) ok = ::close(out) == 0 && ok;
    ::close(in);
    if (!ok && out >= 0) ::unlink(to.c_str());
    return ok;
}

}  // namespace

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
    const std::string key =
        (std::filesystem::path(db.path()).parent_path() / "secrets.key").string();
    if (fs.exists(key)) {
        report.secret_key_path = dest + "/secrets.key";
        if (!copyPrivateFile(key, report.secret_key_path))
            throw Error(ErrorKind::Storage, "backup_failed", "暗号鍵ファイルを複製できません");
    }
    FileBlobStore copy(fs, dest + "/blobs");
    for (const std::string& id : blobs.list()) {
        copy.put(blobs.get(id));
        ++report.blobs;
    }
    return report;
}

}  // namespace rxdesk::store
