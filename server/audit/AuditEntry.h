#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace rxdesk::audit {

/// What happened, by whom, to what. `detail` must not hold patient data; `patient_ref` is
/// the internal patient id (never a name) so "who accessed this patient" can be answered.
struct AuditEvent {
    std::string actor;        ///< "user:12", "client:3", "cli", "system", "anonymous"
    std::string action;       ///< "session.create", "user.add", "prescription.read", …
    std::string object_type;  ///< "user", "prescription", …
    std::string object_id;
    std::optional<std::string> patient_ref;
    std::string remote_addr;
    std::string outcome;  ///< "ok", "denied", "failed"
    std::string detail;
};

/// A stored event with its place in the chain.
struct AuditEntry {
    std::int64_t seq = 0;
    std::int64_t at_ms = 0;
    AuditEvent event;
    std::string prev_hash;
    std::string hash;
};

}  // namespace rxdesk::audit
