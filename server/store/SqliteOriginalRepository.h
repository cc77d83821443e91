#pragma once

#include <unordered_set>

#include "originals/OriginalRepository.h"
#include "store/Database.h"

namespace rxdesk::store {

/// OriginalRepository over `original_reconciliations`, `original_inquiries`,
/// `orphan_originals`, `orphan_original_pages`, `original_chases` and the original columns
/// of `prescriptions`.
class SqliteOriginalRepository : public originals::OriginalRepository {
public:
    explicit SqliteOriginalRepository(Database& db) : db_(db) {}

    std::int64_t addReconciliation(const originals::ReconciliationRecord& record) override;
    std::optional<originals::ReconciliationRecord> latestReconciliation(
        std::int64_t prescription_id) override;
    std::int64_t addInquiry(const originals::InquiryRecord& inquiry) override;
    void updateInquiry(const originals::InquiryRecord& inquiry) override;
    std::vector<originals::InquiryRecord> inquiries(std::int64_t prescription_id) override;
    std::int64_t addOrphan(const originals::OrphanOriginal& orphan) override;
    std::optional<originals::OrphanOriginal> findOrphan(std::int64_t id) override;
    std::vector<originals::OrphanOriginal> heldOrphans() override;
    bool markOrphanAttached(std::int64_t id, std::int64_t prescription_id, std::int64_t at,
                            const std::string& by) override;
    std::vector<originals::AwaitingRow> awaiting(const originals::AwaitingFilter& filter) override;
    std::vector<std::int64_t> awaitingByMatchKey(const std::string& match_key) override;
    std::vector<std::int64_t> awaitingByPatient(const std::string& institution_code,
                                                const std::string& issue_date,
                                                const std::string& patient_ref) override;
    void addChase(std::int64_t clinic_id, std::int64_t at, const std::string& actor,
                  int originals) override;
    std::map<std::int64_t, std::int64_t> lastChases() override;

private:
    Database& db_;
};

/// RetentionRepository over the whole schema. Which rows belong to a prescription is read
/// from the schema itself (every table with a foreign key to `prescriptions`, directly or
/// through another table), so tables added by later migrations are removed with their
/// prescription without changes here. Columns whose name contains "blob" or ends in
/// "sha256" are taken to hold blob ids: a blob is referenced while any such column of any
/// table names it. New tables that keep blob ids must follow that naming.
class SqliteRetentionRepository : public originals::RetentionRepository {
public:
    explicit SqliteRetentionRepository(Database& db) : db_(db) {}

    std::vector<std::int64_t> expiredPrescriptions(std::int64_t completed_before,
                                                   int limit) override;
    std::int64_t expiredButReferenced(std::int64_t completed_before) override;
    originals::RetentionCounts deletePrescriptions(const std::vector<std::int64_t>& ids) override;
    bool blobReferenced(const std::string& id) override;
    std::vector<std::int64_t> expiredOrphans(std::int64_t received_before, int limit) override;
    originals::RetentionCounts deleteOrphans(const std::vector<std::int64_t>& ids) override;
    std::int64_t deleteIdempotencyKeys(std::int64_t created_before) override;
    /// Every blob id some row names (the same columns blobReferenced() looks at).
    std::unordered_set<std::string> referencedBlobs();

private:
    Database& db_;
};

}  // namespace rxdesk::store
