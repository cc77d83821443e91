#pragma once

#include <optional>

#include "audit/AuditChain.h"
#include "audit/AuditRepository.h"
#include "core/Clock.h"
#include "core/Transactor.h"

namespace rxdesk::audit {

/// Result of `AuditLog::verify`.
struct VerifyReport {
    std::int64_t entries = 0;
    std::optional<ChainBreak> broken;  ///< empty when the whole chain verifies
};

/// Appends events to the hash chain and verifies it.
class AuditLog {
public:
    AuditLog(Transactor& tx, AuditRepository& repo, const Clock& clock)
        : tx_(tx), repo_(repo), clock_(clock) {}

    /// Appends `event` in the caller's write transaction (or its own if there is none), so
    /// that a change and its audit entry commit together or not at all.
    void record(const AuditEvent& event);

    /// Reads the whole chain and reports the first place it is broken, if any.
    VerifyReport verify();

private:
    Transactor& tx_;
    AuditRepository& repo_;
    const Clock& clock_;
};

}  // namespace rxdesk::audit
