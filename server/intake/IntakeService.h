#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/AuditLog.h"
#include "auth/Principal.h"
#include "checks/DrugClassifier.h"
#include "core/Clock.h"
#include "core/Transactor.h"
#include "core/BlobStore.h"
#include "intake/Arrival.h"
#include "intake/DocumentReader.h"
#include "intake/PrescriptionRepository.h"
#include "workflow/PrescriptionLifecycle.h"

namespace rxdesk::intake {

/// The one queue. Every channel's arrival goes through `receive`: rule checks, duplicate
/// linking, clinic recognition, storage and audit happen in one place, in one transaction.
/// The staff actions on a queued prescription are here too; each is audited with the
/// patient's pseudonymous reference, and each checks the version the caller saw
/// (optimistic locking: a stale version is Error(Conflict, "version_conflict")).
class IntakeService {
public:
    IntakeService(Transactor& tx, PrescriptionRepository& prescriptions, ClinicRepository& clinics,
                  BlobStore& blobs, DocumentReader& reader, audit::AuditLog& audit,
                  const checks::DrugClassifier& classifier, const Clock& clock)
        : tx_(tx),
          prescriptions_(prescriptions),
          clinics_(clinics),
          blobs_(blobs),
          reader_(reader),
          audit_(audit),
          classifier_(classifier),
          clock_(clock) {}

    /// Queues a faxed, scanned or photographed prescription: reads its pages and QR codes,
    /// keeps the document and every page (full and preview) as blobs, and receives it. A
    /// document that cannot be read as an image is refused before anything is stored; one
    /// without a readable QR is queued for manual entry.
    IntakeResult receiveDocument(std::string_view bytes, const DocumentArrival& meta,
                                 const auth::Caller& caller);

    /// Queues an arrival. A clinic's repeat of the same reference with the same body gets
    /// the first answer back (replayed); with another body Error(Conflict,
    /// "reference_reused"). A resend of the same document or the same prescription by
    /// another channel is stored and linked to the first (duplicate_of), never counted twice.
    IntakeResult receive(const Arrival& arrival, const auth::Caller& caller);

    /// The prescription first received from the document with this SHA-256 (blob id), if any:
    /// lets a channel that may hand over the same file twice (the spool after a crash) stay
    /// idempotent.
    std::optional<std::int64_t> findBySourceDocument(const std::string& sha256);

    /// One prescription with pages and findings. Clinics see only what they sent
    /// (anything else is NotFound, so they cannot probe ids). Audited as a read.
    PrescriptionRecord get(std::int64_t id, const auth::Caller& caller);

    /// The working queue (misdirected and duplicates left out unless asked for).
    std::vector<PrescriptionRecord> list(const QueueFilter& filter, const auth::Caller& caller);

    /// The queue's change sequence (PrescriptionRepository::changeSequence): equal values
    /// mean no list has changed since. Discloses nothing, so it is not audited.
    std::int64_t queueChangeSequence();

    /// The timeline of state changes.
    std::vector<EventRecord> timeline(std::int64_t id, const auth::Caller& caller);

    /// Marks a fax or clinic push as sent to the wrong pharmacy (誤送信): out of the working
    /// views, kept for the audit, the sender recorded for follow-up.
    PrescriptionRecord markMisdirected(std::int64_t id, std::int64_t version,
                                       const std::string& note, const auth::Caller& caller);

    /// Links `id` as a duplicate of `of` (or unlinks it with nullopt).
    PrescriptionRecord linkDuplicate(std::int64_t id, std::optional<std::int64_t> of,
                                     std::int64_t version, const auth::Caller& caller);

    /// Replaces what the prescription says (manual entry or correction) and re-runs the checks.
    PrescriptionRecord updateContent(std::int64_t id, std::int64_t version,
                                     const prescription::Prescription& content,
                                     const auth::Caller& caller);

    /// A pharmacist's decision on a finding (e.g. after an inquiry to the prescriber).
    PrescriptionRecord resolveFinding(std::int64_t id, std::int64_t finding_id,
                                      const std::string& resolution, const auth::Caller& caller);

    /// A lifecycle step (verify, dispense, hold, …) by the caller's role; refusals are
    /// Error(Conflict) with the reason, or Forbidden for a role that may not take it.
    PrescriptionRecord act(std::int64_t id, const std::string& action, std::int64_t version,
                           const std::string& note, const auth::Caller& caller);

    /// Records that the dispensing result (調剤結果) of a dispensed e-prescription was
    /// registered with the national service (its receipt id); completing the prescription
    /// waits for it. Error(Conflict, "not_dispensed") before dispensing,
    /// "not_an_eprescription" for other channels.
    PrescriptionRecord recordDispensingResult(std::int64_t id, const std::string& receipt_id,
                                              const auth::Caller& caller);

private:
    std::vector<prescription::Finding> assess(const PrescriptionRecord& record,
                                              const std::vector<prescription::Finding>& read) const;
    PrescriptionRecord load(std::int64_t id, const auth::Caller& caller);
    void save(PrescriptionRecord& record, std::int64_t expected_version);
    void auditEvent(const auth::Caller& caller, const std::string& action,
                    const PrescriptionRecord& record, const std::string& detail = {});
    std::int64_t now() const;

    Transactor& tx_;
    PrescriptionRepository& prescriptions_;
    ClinicRepository& clinics_;
    BlobStore& blobs_;
    DocumentReader& reader_;
    audit::AuditLog& audit_;
    const checks::DrugClassifier& classifier_;
    const Clock& clock_;
};

/// The facts of a stored prescription the lifecycle's guards decide on (what act() uses).
workflow::TransitionContext transitionContextOf(const PrescriptionRecord& record);

/// The lifecycle steps `principal` could take on `record` now (act() would accept them,
/// version aside), in declaration order; empty for a principal without
/// Permission::PrescriptionEdit or without a staff role (admins, clients).
std::vector<workflow::WorkflowAction> availableActions(const PrescriptionRecord& record,
                                                       const auth::Principal& principal);

}  // namespace rxdesk::intake
