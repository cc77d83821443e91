#pragma once

#include <map>
#include <optional>
#include <vector>

#include "originals/OriginalRecords.h"

namespace rxdesk::originals {

/// Storage port for the originals workflow. Call inside a Transactor scope. Prescriptions
/// themselves (state, version, pages, findings, events) go through
/// intake::PrescriptionRepository.
class OriginalRepository {
public:
    virtual ~OriginalRepository() = default;

    /// Stores a comparison; returns its id.
    virtual std::int64_t addReconciliation(const ReconciliationRecord& record) = 0;
    /// The latest comparison of the prescription's original, or nullopt.
    virtual std::optional<ReconciliationRecord> latestReconciliation(
        std::int64_t prescription_id) = 0;

    /// Stores a new inquiry; returns its id.
    virtual std::int64_t addInquiry(const InquiryRecord& inquiry) = 0;
    /// Writes the call and resolution fields of an existing inquiry.
    virtual void updateInquiry(const InquiryRecord& inquiry) = 0;
    /// The prescription's inquiries, oldest first.
    virtual std::vector<InquiryRecord> inquiries(std::int64_t prescription_id) = 0;

    /// Stores a held original with its pages; returns its id.
    virtual std::int64_t addOrphan(const OrphanOriginal& orphan) = 0;
    /// The orphan with its pages, or nullopt.
    virtual std::optional<OrphanOriginal> findOrphan(std::int64_t id) = 0;
    /// Orphans not yet attached to a prescription, oldest first.
    virtual std::vector<OrphanOriginal> heldOrphans() = 0;
    /// Marks the orphan attached. False when it was attached already (nothing written).
    virtual bool markOrphanAttached(std::int64_t id, std::int64_t prescription_id, std::int64_t at,
                                    const std::string& by) = 0;

    /// Prescriptions whose original is awaited (original_state "awaiting"), not misdirected,
    /// not cancelled, not a duplicate, narrowed by `filter`.
    virtual std::vector<AwaitingRow> awaiting(const AwaitingFilter& filter) = 0;
    /// Ids of awaited originals' prescriptions with this match key (not misdirected, not
    /// duplicates).
    virtual std::vector<std::int64_t> awaitingByMatchKey(const std::string& match_key) = 0;
    /// Ids of awaited originals' prescriptions of this institution, issue date and patient.
    virtual std::vector<std::int64_t> awaitingByPatient(const std::string& institution_code,
                                                        const std::string& issue_date,
                                                        const std::string& patient_ref) = 0;

    /// Records that `clinic_id` was asked for `originals` missing originals.
    virtual void addChase(std::int64_t clinic_id, std::int64_t at, const std::string& actor,
                          int originals) = 0;
    /// The time of each clinic's latest chase.
    virtual std::map<std::int64_t, std::int64_t> lastChases() = 0;
};

/// Storage port for the retention job. Call inside a write Transactor scope.
class RetentionRepository {
public:
    virtual ~RetentionRepository() = default;

    /// Ids of prescriptions that ended before `completed_before` (Unix seconds) — completed,
    /// cancelled or marked misdirected — that no younger prescription refers to
    /// (duplicate_of), oldest first, at most `limit`.
    virtual std::vector<std::int64_t> expiredPrescriptions(std::int64_t completed_before,
                                                           int limit) = 0;
    /// How many prescriptions completed before `completed_before` are kept because a
    /// younger prescription refers to them.
    virtual std::int64_t expiredButReferenced(std::int64_t completed_before) = 0;
    /// Deletes the prescriptions and every row that belongs to them, in every table that
    /// refers to a prescription directly or through another table (pages, findings, events,
    /// reconciliations, inquiries, attached orphans, appointments, shipments, …). Returns
    /// the counts and the blob ids the deleted rows named.
    virtual RetentionCounts deletePrescriptions(const std::vector<std::int64_t>& ids) = 0;
    /// Whether any remaining row names blob `id`.
    virtual bool blobReferenced(const std::string& id) = 0;
    /// Ids of originals that matched no prescription (orphans never attached) received
    /// before `received_before` (Unix seconds), oldest first, at most `limit`.
    virtual std::vector<std::int64_t> expiredOrphans(std::int64_t received_before, int limit) = 0;
    /// Deletes those orphans and their pages; the counts and the blob ids they named.
    virtual RetentionCounts deleteOrphans(const std::vector<std::int64_t>& ids) = 0;
    /// Deletes stored idempotent answers saved before `created_before`; returns how many.
    virtual std::int64_t deleteIdempotencyKeys(std::int64_t created_before) = 0;
};

}  // namespace rxdesk::originals
