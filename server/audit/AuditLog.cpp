#include "audit/AuditLog.h"

#include <chrono>

namespace rxdesk::audit {

void AuditLog::record(const AuditEvent& event) {
    tx_.write([&] {
        ChainHead head = repo_.head();
        AuditEntry entry;
        entry.seq = head.seq + 1;
        entry.at_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          clock_.now().time_since_epoch())
                          .count();
        entry.event = event;
        entry.prev_hash = head.seq == 0 ? AuditChain::kGenesis : head.hash;
        entry.hash = AuditChain::hashOf(entry);
        repo_.append(entry);
    });
}

VerifyReport AuditLog::verify() {
    VerifyReport report;
    tx_.read([&] {
        AuditChainVerifier verifier;
        repo_.forEach([&](const AuditEntry& e) { verifier.feed(e); });
        ChainHead head = repo_.head();
        report.broken = verifier.finish(head.seq, head.hash);
        report.entries = verifier.count();
    });
    return report;
}

}  // namespace rxdesk::audit
