#pragma once

#include <chrono>
#include <cstdint>

#include "audit/AuditLog.h"
#include "core/Clock.h"
#include "store/Database.h"
#include "store/FileBlobStore.h"
#include "store/SqliteOriginalRepository.h"

namespace rxdesk::store {

/// What one sweep did. Counts only.
struct SweepReport {
    std::int64_t removed = 0;  ///< blobs deleted
    std::int64_t pending = 0;  ///< unreferenced blobs waiting for their hour to pass
};

/// Removes blobs that no row names — left behind when a request wrote its blobs and then
/// failed before its transaction committed (blobs are written before the rows naming them).
/// A blob is removed only once it has been seen unreferenced, on two sweeps at least
/// `min_age` apart (remembered in `unreferenced_files`, so restarts do not matter), and has
/// not been put since the previous sweep. The references are every column of every table
/// whose name contains "blob" or ends in "sha256" (SqliteRetentionRepository). Each sweep
/// that removes something leaves one audit entry with the counts.
class BlobSweeper {
public:
    BlobSweeper(Database& db, FileBlobStore& blobs, SqliteRetentionRepository& references,
                audit::AuditLog& audit, const Clock& clock,
                std::chrono::seconds min_age = std::chrono::hours(1));

    /// One sweep, in one write transaction (no row can start naming a blob meanwhile).
    SweepReport run();

private:
    Database& db_;
    FileBlobStore& blobs_;
    SqliteRetentionRepository& references_;
    audit::AuditLog& audit_;
    const Clock& clock_;
    std::chrono::seconds min_age_;
};

}  // namespace rxdesk::store
