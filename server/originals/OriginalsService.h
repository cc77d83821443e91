#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/AuditLog.h"
#include "auth/Principal.h"
#include "core/BlobStore.h"
#include "core/Clock.h"
#include "core/Transactor.h"
#include "intake/DocumentReader.h"
#include "intake/PrescriptionRepository.h"
#include "originals/ChaseLetter.h"
#include "originals/OriginalRepository.h"
#include "originals/OriginalsSettings.h"
#include "reports/model/Report.h"
#include "workflow/OriginalAction.h"
#include "workflow/OutstandingOriginal.h"

namespace rxdesk::originals {

/// What a step on the original track left behind.
struct OriginalOutcome {
    intake::PrescriptionRecord record;  ///< with the new original_state and version
    std::optional<ReconciliationRecord> reconciliation;  ///< the latest comparison
    std::vector<InquiryRecord> inquiries;
};

/// What became of an original received without a known prescription.
struct OrphanOutcome {
    /// Set when the original was matched by content and attached.
    std::optional<OriginalOutcome> attached;
    /// Set when it is held for a pharmacist.
    std::optional<OrphanOriginal> held;
};

/// A call to the clinic about a differing original (疑義照会).
struct InquiryCall {
    std::string called_by;               ///< "" → the caller's display name
    std::optional<TimePoint> called_at;  ///< default: now
    std::string clinic_contact;
    std::string answer;
};

/// One awaited original on the overdue list.
struct OutstandingEntry {
    AwaitingRow row;
    /// Deadline and status; nullopt while the prescription is not dispensed (no deadline
    /// runs before dispensing).
    std::optional<workflow::OutstandingOriginal> deadline;
    int age_days = 0;              ///< since dispensing, or since receipt when not dispensed
    std::string patient_initials;  ///< filled for views that leave the pharmacy (clinics)
    std::optional<std::int64_t> last_chased_at;  ///< the clinic's latest chase
};

/// The chase letter of one clinic.
struct ChaseResult {
    reports::Report letter;
    std::int64_t clinic_id = 0;
    int originals = 0;
};

/// The original (原本) of faxed and API-pushed prescriptions: arrival with or without a scan,
/// field-by-field reconciliation with the dispensed copy (workflow::Reconciler), the track
/// awaiting → arrived → matched | mismatched → resolved (workflow::OriginalTrack), inquiries
/// to the prescriber, originals without a known prescription, the overdue list and chase
/// letters. Every read and write of patient data is audited with the patient's pseudonymous
/// reference, in the transaction of the change. Steps on a prescription check the version
/// the caller saw (stale: Error(Conflict, "version_conflict")).
class OriginalsService {
public:
    OriginalsService(Transactor& tx, intake::PrescriptionRepository& prescriptions,
                     intake::ClinicRepository& clinics, OriginalRepository& originals,
                     BlobStore& blobs, intake::DocumentReader& reader, audit::AuditLog& audit,
                     const Clock& clock, OriginalsSettings settings);

    /// A scan of the original of prescription `id`: pages kept as kind "original" beside the
    /// fax, QR decoded and compared with the prescription's content. Awaiting → arrived →
    /// matched | mismatched (a mismatch opens an inquiry); when the QR cannot be read (or the
    /// prescription has no content yet) it stays arrived with a finding asking for a manual
    /// comparison. Also accepted on an original that arrived without a scan. Errors:
    /// NotFound; Conflict "original_not_applicable" (channel without original),
    /// "illegal_transition"/"state_terminal", "version_conflict"; the reader's errors.
    OriginalOutcome recordScan(std::int64_t id, std::int64_t version, std::string_view bytes,
                               const auth::Caller& caller);

    /// The original is here but not scanned: awaiting → arrived, with a finding asking for a
    /// manual comparison. Errors as recordScan.
    OriginalOutcome recordArrivalWithoutScan(std::int64_t id, std::int64_t version,
                                             const std::string& note, const auth::Caller& caller);

    /// A pharmacist's comparison by eye of an arrived original: arrived → matched |
    /// mismatched (a mismatch opens an inquiry); resolves the manual-comparison finding.
    OriginalOutcome recordManualComparison(std::int64_t id, std::int64_t version, bool matched,
                                           std::vector<workflow::Difference> differences,
                                           const std::string& note, const auth::Caller& caller);

    /// State, latest comparison and inquiries of the prescription's original. Audited read.
    OriginalOutcome status(std::int64_t id, const auth::Caller& caller);

    /// Records a call to the clinic: fills the open inquiry without a call yet (the one a
    /// mismatch opened), else opens a new one. Only while the original is mismatched
    /// (Conflict "original_not_mismatched").
    InquiryRecord recordInquiry(std::int64_t id, const InquiryCall& call,
                                const auth::Caller& caller);

    /// Closes inquiry `inquiry_id` with its resolution; once no inquiry is open the original
    /// goes mismatched → resolved. NotFound "inquiry_not_found"; Conflict "inquiry_resolved".
    OriginalOutcome resolveInquiry(std::int64_t id, std::int64_t inquiry_id, std::int64_t version,
                                   const std::string& resolution, const auth::Caller& caller);

    /// An original for which no prescription id is known: matched by content (match key,
    /// else institution + issue date + patient) to exactly one awaiting prescription and
    /// attached to it as recordScan does, else held as an orphan.
    OrphanOutcome receiveOriginal(std::string_view bytes, const auth::Caller& caller);

    /// Orphans not yet attached, oldest first. Audited read.
    std::vector<OrphanOriginal> orphans(const auth::Caller& caller);

    /// The blob id of page `page_no` of an orphan (its preview when `preview`). NotFound
    /// "orphan_not_found" / "page_not_found".
    std::string orphanPage(std::int64_t orphan_id, int page_no, bool preview,
                           const auth::Caller& caller);

    /// A pharmacist attaches a held orphan to prescription `id`: as recordScan with the
    /// orphan's pages and content. Conflict "orphan_attached" when attached already.
    OriginalOutcome attachOrphan(std::int64_t orphan_id, std::int64_t id, std::int64_t version,
                                 const auth::Caller& caller);

    /// Awaited originals (optionally of one clinic): dispensed ones with their deadline
    /// (OverdueCalculator; clinic deadline, else the default; claim cut-off), most urgent
    /// first; then the not yet dispensed ones, oldest first, without a deadline.
    std::vector<OutstandingEntry> outstanding(std::optional<std::int64_t> clinic_id,
                                              const auth::Caller& caller);

    /// The chase letter for the dispensed, awaited originals of `clinic_id`, and a record
    /// that the clinic was chased. NotFound "clinic_not_found"; RuleViolation
    /// "no_missing_originals" when nothing is awaited.
    ChaseResult chase(std::int64_t clinic_id, const auth::Caller& caller);

    /// For a clinic's API key: the awaited originals it sent (its pushes, or prescriptions of
    /// its institution), with their deadline.
    std::vector<OutstandingEntry> awaitingForClinic(const auth::Caller& caller);

private:
    struct ReadOriginal;
    ReadOriginal readDocument(std::string_view bytes);
    OriginalOutcome reconcile(intake::PrescriptionRecord& record, std::int64_t version,
                              const ReadOriginal& original, const auth::Caller& caller,
                              const std::string& audit_action);
    intake::PrescriptionRecord load(std::int64_t id);
    void requireVersion(const intake::PrescriptionRecord& record, std::int64_t version);
    void step(intake::PrescriptionRecord& record, workflow::OriginalAction action,
              const auth::Caller& caller, const std::string& note);
    void save(intake::PrescriptionRecord& record);
    InquiryRecord openInquiry(const intake::PrescriptionRecord& record, const std::string& reason,
                              const auth::Caller& caller);
    OriginalOutcome outcomeOf(std::int64_t id);
    std::vector<OutstandingEntry> evaluate(std::vector<AwaitingRow> rows);
    void auditEvent(const auth::Caller& caller, const std::string& action,
                    const std::string& object_type, const std::string& object_id,
                    const std::string& patient_ref, const std::string& detail);
    std::int64_t now() const;

    Transactor& tx_;
    intake::PrescriptionRepository& prescriptions_;
    intake::ClinicRepository& clinics_;
    OriginalRepository& originals_;
    BlobStore& blobs_;
    intake::DocumentReader& reader_;
    audit::AuditLog& audit_;
    const Clock& clock_;
    OriginalsSettings settings_;
};

}  // namespace rxdesk::originals
