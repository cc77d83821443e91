#pragma once

#include <string>

#include "store/Database.h"
#include "store/FileBlobStore.h"

namespace rxdesk::store {

/// What a backup wrote.
struct BackupReport {
    std::string database_path;
    int schema_version = 0;
    std::int64_t blobs = 0;
    std::string secret_key_path;  ///< where the key file was copied; empty when there is none
};

/// Copies a consistent snapshot of the database (SQLite online backup, safe while the server
/// writes) to `<dest>/rxdesk.db`, then every blob into `<dest>/blobs`, each verified on the
/// way. Blobs are written before the rows that name them, so every blob the snapshot names
/// is already there. The key that seals secrets in the database (`secrets.key` beside the
/// database, see app/SecretKeyFile.h) is copied to `<dest>/secrets.key` (mode 0600): without
/// it the backup could not be served. Throws Error(Conflict, "backup_exists") if `<dest>/rxdesk.db`
/// exists; Error(Storage, "blob_corrupt") if a blob fails verification.
BackupReport backupDataDir(Database& db, FileBlobStore& blobs, FileSystem& fs,
                           const std::string& dest);

}  // namespace rxdesk::store
