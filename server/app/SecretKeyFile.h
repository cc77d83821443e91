#pragma once

#include <memory>
#include <string>

#include "audit/AuditLog.h"
#include "crypto/SecretBox.h"
#include "store/Database.h"
#include "store/SqliteUserRepository.h"

namespace rxdesk::app {

/// The key that seals secrets at rest (TOTP secrets): 32 random bytes in a file of the data
/// directory (Settings::secretKeyPath), mode 0600.
///
/// Opens the key at `path`. When the file is missing and the database holds no sealed value
/// yet (a new data directory, or one from before encryption) a new key is created (0600).
/// Throws Error(BadRequest, "secret_key_missing") when the file is missing but sealed values
/// exist (they could never be read again: restore the key from the backup), and
/// Error(BadRequest, "invalid_secret_key") when the file is not exactly 32 bytes or is
/// readable by group or others. The messages name the file and say what to do.
std::unique_ptr<crypto::SecretBox> openSecretKey(const std::string& path, store::Database& db);

/// Seals TOTP secrets still stored in clear (a database from before encryption), in one
/// write transaction, audited as "totp.seal" with the count. Returns the count.
int sealClearTotpSecrets(store::Database& db, store::SqliteUserRepository& users,
                         audit::AuditLog& audit);

}  // namespace rxdesk::app
