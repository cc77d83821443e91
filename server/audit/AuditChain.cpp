#include "audit/AuditChain.h"

#include "crypto/Hashing.h"

namespace rxdesk::audit {
namespace {

// Length-prefixed fields make the serialisation unambiguous whatever the fields contain.
void put(std::string& out, std::string_view field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
    out += ';';
}

}  // namespace

std::string AuditChain::hashOf(const AuditEntry& e) {
    std::string canonical;
    put(canonical, e.prev_hash);
    put(canonical, std::to_string(e.seq));
    put(canonical, std::to_string(e.at_ms));
    put(canonical, e.event.actor);
    put(canonical, e.event.action);
    put(canonical, e.event.object_type);
    put(canonical, e.event.object_id);
    put(canonical, e.event.patient_ref ? "1" + *e.event.patient_ref : "0");
    put(canonical, e.event.remote_addr);
    put(canonical, e.event.outcome);
    put(canonical, e.event.detail);
    return crypto::sha256Hex(canonical);
}

std::optional<ChainBreak> AuditChainVerifier::feed(const AuditEntry& entry) {
    if (break_) return break_;
    ++count_;
    if (entry.seq != expected_seq_) {
        break_ = ChainBreak{expected_seq_, "missing_entry"};
    } else if (entry.prev_hash != prev_hash_) {
        break_ = ChainBreak{entry.seq, "broken_link"};
    } else if (AuditChain::hashOf(entry) != entry.hash) {
        break_ = ChainBreak{entry.seq, "edited"};
    }
    expected_seq_ = entry.seq + 1;
    prev_hash_ = entry.hash;
    return break_;
}

std::optional<ChainBreak> AuditChainVerifier::finish(std::int64_t head_seq,
                                                     const std::string& head_hash) {
    if (break_) return break_;
    if (head_seq != expected_seq_ - 1 || (head_seq > 0 && head_hash != prev_hash_))
        break_ = ChainBreak{expected_seq_ - 1 < head_seq ? expected_seq_ : head_seq,
                            "head_mismatch"};
    return break_;
}

}  // namespace rxdesk::audit
