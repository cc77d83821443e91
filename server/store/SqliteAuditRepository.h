#pragma once

#include "audit/AuditRepository.h"
#include "store/Database.h"

namespace rxdesk::store {

/// AuditRepository over `audit_log` (append-only by trigger) and `audit_chain_head`.
class SqliteAuditRepository : public audit::AuditRepository {
public:
    explicit SqliteAuditRepository(Database& db) : db_(db) {}

    audit::ChainHead head() override;
    void append(const audit::AuditEntry& entry) override;
    void forEach(const std::function<void(const audit::AuditEntry&)>& visit) override;
    std::vector<audit::AuditEntry> forPatient(const std::string& patient_ref, std::int64_t from_ms,
                                              std::int64_t to_ms) override;

private:
    Database& db_;
};

}  // namespace rxdesk::store
