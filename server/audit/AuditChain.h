#pragma once

#include <optional>
#include <string>

#include "audit/AuditEntry.h"

namespace rxdesk::audit {

/// The hash chain: hash = SHA-256(prev_hash || canonical(entry)), hex; the first entry's
/// prev_hash is kGenesis. Editing any field of an entry, deleting or reordering entries all
/// break the chain at a findable place.
class AuditChain {
public:
    static constexpr const char* kGenesis =
        "0000000000000000000000000000000000000000000000000000000000000000";

    /// The hash the entry must carry given its seq, time, event and prev_hash.
    static std::string hashOf(const AuditEntry& entry);
};

/// Where verification found the chain broken.
struct ChainBreak {
    std::int64_t seq;     ///< the first entry that does not verify (or the missing one)
    std::string problem;  ///< "edited", "missing_entry", "broken_link", "head_mismatch"
};

/// Streaming verifier: feed entries in seq order, then `finish` with the recorded head.
class AuditChainVerifier {
public:
    /// Returns the first break found so far (and keeps returning it).
    std::optional<ChainBreak> feed(const AuditEntry& entry);

    /// Checks that the last entry fed is the recorded chain head (a deleted tail shows here).
    std::optional<ChainBreak> finish(std::int64_t head_seq, const std::string& head_hash);

    std::int64_t count() const { return count_; }

private:
    std::int64_t expected_seq_ = 1;
    std::string prev_hash_ = AuditChain::kGenesis;
    std::int64_t count_ = 0;
    std::optional<ChainBreak> break_;
};

}  // namespace rxdesk::audit
