#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "audit/AuditEntry.h"

namespace rxdesk::audit {

/// The chain's last link: seq 0 and the genesis hash for an empty log.
struct ChainHead {
    std::int64_t seq = 0;
    std::string hash;
};

/// Storage port for the audit log (append-only). Call inside a Transactor scope.
class AuditRepository {
public:
    virtual ~AuditRepository() = default;

    virtual ChainHead head() = 0;
    /// Appends an entry whose seq, prev_hash and hash are already set; also moves the head.
    virtual void append(const AuditEntry& entry) = 0;
    /// Visits every entry in seq order.
    virtual void forEach(const std::function<void(const AuditEntry&)>& visit) = 0;
    /// Entries naming `patient_ref` between the two times, oldest first.
    virtual std::vector<AuditEntry> forPatient(const std::string& patient_ref,
                                               std::int64_t from_ms, std::int64_t to_ms) = 0;
};

}  // namespace rxdesk::audit
