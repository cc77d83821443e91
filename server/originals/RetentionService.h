#pragma once

#include <string>

#include "audit/AuditLog.h"
#include "auth/Principal.h"
#include "core/BlobStore.h"
#include "core/Clock.h"
#include "core/Transactor.h"
#include "originals/OriginalRepository.h"
#include "originals/RetentionPolicy.h"

namespace rxdesk::originals {

/// What one retention run did. Counts only: safe to log and to print.
struct RetentionReport {
    Date kept_from;  ///< prescriptions completed before this day (Asia/Tokyo) expired
    RetentionCounts removed;
    std::int64_t blobs_removed = 0;
    /// Expired, but kept because a younger prescription refers to them (duplicate_of).
    std::int64_t kept_referenced = 0;
    /// Originals that never matched a prescription, received before kept_from.
    std::int64_t orphans_removed = 0;
    /// Stored idempotent answers older than RetentionPolicy::idempotency_hours.
    std::int64_t idempotency_keys_removed = 0;
};

/// Removes dispensed, cancelled and misdirected prescriptions whose retention period
/// (RetentionPolicy) has passed: their rows in every prescription table, then the images
/// (blobs) that no remaining row names; likewise originals that never matched a
/// prescription, and stored idempotent answers older than a day. Never touches a
/// prescription that ended on or after the kept-from day, nor one still open, nor a blob
/// still referenced. The audit log is append-only and is kept;
/// each run leaves one audit entry with the counts.
class RetentionService {
public:
    RetentionService(Transactor& tx, RetentionRepository& repository, BlobStore& blobs,
                     audit::AuditLog& audit, const Clock& clock, RetentionPolicy policy);

    /// One run, in batches (one write transaction each). Blobs are removed after the
    /// transaction that released them commits; a crash in between leaves only unreferenced
    /// blobs, which the next run does not see again (documented limitation).
    RetentionReport run(const auth::Caller& caller);

private:
    Transactor& tx_;
    RetentionRepository& repository_;
    BlobStore& blobs_;
    audit::AuditLog& audit_;
    const Clock& clock_;
    RetentionPolicy policy_;
};

}  // namespace rxdesk::originals
