#include "originals/OriginalsService.h"

#include <algorithm>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "intake/MatchKeys.h"
#include "intake/StaffRoles.h"
#include "jahis/JahisParser.h"
#include "originals/PatientInitials.h"
#include "workflow/BusinessCalendar.h"
#include "workflow/OriginalState.h"
#include "workflow/OriginalTrack.h"
#include "workflow/OverdueCalculator.h"
#include "workflow/Reconciler.h"
#include "workflow/StaffRole.h"

namespace rxdesk::originals {
namespace {

using intake::PrescriptionRecord;
using prescription::Finding;
using prescription::Severity;
using workflow::OriginalAction;
using workflow::OriginalState;
using workflow::OriginalTrack;

constexpr const char* kManualComparisonFinding = "original_manual_comparison";

Error notFound() {
    return Error(ErrorKind::NotFound, "prescription_not_found", "処方箋が見つかりません");
}

workflow::StaffRole requireStaffRole(const auth::Caller& caller) {
    auto role = intake::staffRoleOf(caller.principal);
    if (!role) throw Error(ErrorKind::Forbidden, "forbidden", "この操作を行う権限がありません");
    return *role;
}

// Prescriptions without a track (e-prescriptions, walk-ins) are treated as "awaiting" so
// that OriginalTrack refuses them with its own reason (original_not_applicable).
OriginalState currentState(const PrescriptionRecord& r) {
    if (!r.original_state) return OriginalState::Awaiting;
    auto state = workflow::parseOriginalState(*r.original_state);
    if (!state) throw Error(ErrorKind::Internal, "bad_state", "原本の状態が不正です");
    return *state;
}

bool hasOriginalPages(const PrescriptionRecord& r) {
    return std::any_of(r.pages.begin(), r.pages.end(),
                       [](const intake::PageRecord& p) { return p.kind == "original"; });
}

std::string kanaOf(const PrescriptionRecord& r) {
    if (!r.content) return "";
    return r.content->patient.kana;
}

}  // namespace

struct OriginalsService::ReadOriginal {
    std::vector<intake::PageRecord> pages;
    std::string source_sha256;
    std::optional<prescription::Prescription> content;
    std::string note;
};

OriginalsService::OriginalsService(Transactor& tx, intake::PrescriptionRepository& prescriptions,
                                   intake::ClinicRepository& clinics, OriginalRepository& originals,
                                   BlobStore& blobs, intake::DocumentReader& reader,
                                   audit::AuditLog& audit, const Clock& clock,
                                   OriginalsSettings settings)
    : tx_(tx),
      prescriptions_(prescriptions),
      clinics_(clinics),
      originals_(originals),
      blobs_(blobs),
      reader_(reader),
      audit_(audit),
      clock_(clock),
      settings_(std::move(settings)) {
    // Fail at start-up, not on the first request, when the deadline settings are invalid.
    workflow::OriginalDeadlinePolicy{
        settings_.deadline_days, {}, settings_.claim_cutoff_business_day}
        .validate();
}

std::int64_t OriginalsService::now() const {
    return unixSeconds(clock_.now());
}

void OriginalsService::auditEvent(const auth::Caller& caller, const std::string& action,
                                  const std::string& object_type, const std::string& object_id,
                                  const std::string& patient_ref, const std::string& detail) {
    audit_.record(audit::AuditEvent{
        caller.principal.actor(), action, object_type, object_id,
        patient_ref.empty() ? std::nullopt : std::optional<std::string>(patient_ref),
        caller.remote_addr, "ok", detail});
}

OriginalsService::ReadOriginal OriginalsService::readDocument(std::string_view bytes) {
    intake::ReadDocument doc = reader_.read(bytes);
    ReadOriginal out;
    // Blobs go in before the rows naming them (content-addressed: a retry rewrites nothing).
    out.source_sha256 = blobs_.put(bytes);
    int page_no = 0;
    for (const auto& page : doc.pages)
        out.pages.push_back(intake::PageRecord{"original", ++page_no, blobs_.put(page.png),
                                               blobs_.put(page.preview_png), "image/png"});
    if (doc.jahis_text) out.content = jahis::JahisParser::parse(*doc.jahis_text).prescription;
    return out;
}

PrescriptionRecord OriginalsService::load(std::int64_t id) {
    auto r = prescriptions_.find(id);
    if (!r) throw notFound();
    return *r;
}

void OriginalsService::requireVersion(const PrescriptionRecord& r, std::int64_t version) {
    if (r.version != version)
        throw Error(
            ErrorKind::Conflict, "version_conflict",
            "他の方がこの処方箋を先に更新しました。最新の内容を読み込んでからやり直してください",
            "version");
}

void OriginalsService::save(PrescriptionRecord& r) {
    r.updated_at = now();
    if (!prescriptions_.update(r, r.version))
        throw Error(
            ErrorKind::Conflict, "version_conflict",
            "他の方がこの処方箋を先に更新しました。最新の内容を読み込んでからやり直してください",
            "version");
    r.version += 1;
}

void OriginalsService::step(PrescriptionRecord& r, OriginalAction action,
                            const auth::Caller& caller, const std::string& note) {
    const OriginalState from = currentState(r);
    auto outcome = OriginalTrack::decide(from, action, requireStaffRole(caller), r.channel);
    if (!outcome) throw outcome.refusal().toError();
    r.original_state = std::string(workflow::name(outcome.state()));
    prescriptions_.addEvent(
        r.id, intake::EventRecord{now(), caller.principal.actor(),
                                  "original." + std::string(workflow::name(action)),
                                  std::string(workflow::name(from)), *r.original_state, note});
}

InquiryRecord OriginalsService::openInquiry(const PrescriptionRecord& r, const std::string& reason,
                                            const auth::Caller& caller) {
    InquiryRecord inquiry;
    inquiry.prescription_id = r.id;
    inquiry.reason = reason;
    inquiry.opened_at = now();
    inquiry.opened_by = caller.principal.actor();
    inquiry.id = originals_.addInquiry(inquiry);
    return inquiry;
}

OriginalOutcome OriginalsService::outcomeOf(std::int64_t id) {
    OriginalOutcome out;
    out.record = load(id);
    out.reconciliation = originals_.latestReconciliation(id);
    out.inquiries = originals_.inquiries(id);
    return out;
}

// Runs inside a write transaction: arrival (unless the original arrived earlier without a
// scan), pages, comparison, the resulting step, findings, one save, one audit entry.
OriginalOutcome OriginalsService::reconcile(PrescriptionRecord& r, std::int64_t version,
                                            const ReadOriginal& original,
                                            const auth::Caller& caller,
                                            const std::string& audit_action) {
    requireVersion(r, version);
    const OriginalState before = currentState(r);
    const bool scanned = !original.pages.empty();
    const bool completes_earlier_arrival =
        before == OriginalState::Arrived && scanned && !hasOriginalPages(r) && r.original_state;
    if (!completes_earlier_arrival) step(r, OriginalAction::RecordArrival, caller, original.note);
    if (scanned) prescriptions_.addPages(r.id, original.pages);

    ReconciliationRecord rec;
    rec.prescription_id = r.id;
    rec.at = now();
    rec.actor = caller.principal.actor();
    rec.source_sha256 = original.source_sha256;
    rec.note = original.note;
    std::string finding_evidence;
    if (!scanned) {
        rec.method = ComparisonMethod::NoScan;
        rec.readable = false;
        finding_evidence = "スキャンなし";
    } else if (!original.content || !r.content) {
        rec.method = ComparisonMethod::Qr;
        rec.readable = false;
        finding_evidence =
            !original.content ? "原本の QR コードを読み取れません" : "処方内容が未入力です";
    } else {
        auto result = workflow::Reconciler::compare(*r.content, *original.content);
        rec.method = ComparisonMethod::Qr;
        rec.readable = true;
        rec.matched = result.matched;
        rec.differences = std::move(result.differences);
        step(r, OriginalTrack::actionForComparison(rec.matched), caller, "");
        if (!rec.matched) openInquiry(r, "original_mismatch", caller);
    }
    if (!rec.readable) {
        std::vector<Finding> findings;
        for (const auto& f : r.findings) findings.push_back(f.finding);
        findings.push_back({kManualComparisonFinding, Severity::Warning,
                            "原本と FAX を目視で照合し、照合結果を登録してください",
                            finding_evidence});
        prescriptions_.replaceFindings(r.id, findings);
    }
    save(r);
    originals_.addReconciliation(rec);
    const std::string detail =
        std::string(workflow::name(before)) + "->" + *r.original_state +
        (rec.readable ? " differences=" + std::to_string(rec.differences.size()) : " unreadable");
    auditEvent(caller, audit_action, "prescription", std::to_string(r.id), r.patient_ref, detail);
    return outcomeOf(r.id);
}

OriginalOutcome OriginalsService::recordScan(std::int64_t id, std::int64_t version,
                                             std::string_view bytes, const auth::Caller& caller) {
    ReadOriginal original = readDocument(bytes);
    OriginalOutcome out;
    tx_.write([&] {
        PrescriptionRecord r = load(id);
        out = reconcile(r, version, original, caller, "original.scan");
    });
    return out;
}

OriginalOutcome OriginalsService::recordArrivalWithoutScan(std::int64_t id, std::int64_t version,
                                                           const std::string& note,
                                                           const auth::Caller& caller) {
    ReadOriginal original;
    original.note = note;
    OriginalOutcome out;
    tx_.write([&] {
        PrescriptionRecord r = load(id);
        out = reconcile(r, version, original, caller, "original.arrival");
    });
    return out;
}

OriginalOutcome OriginalsService::recordManualComparison(
    std::int64_t id, std::int64_t version, bool matched,
    std::vector<workflow::Difference> differences, const std::string& note,
    const auth::Caller& caller) {
    if (!matched && differences.empty() && note.empty())
        throw Error(ErrorKind::BadRequest, "missing_field",
                    "不一致の場合は相違点か内容のメモを入力してください", "differences");
    OriginalOutcome out;
    tx_.write([&] {
        PrescriptionRecord r = load(id);
        requireVersion(r, version);
        const OriginalState before = currentState(r);
        step(r, OriginalTrack::actionForComparison(matched), caller, note);
        for (const auto& f : r.findings)
            if (f.finding.code == kManualComparisonFinding && !f.resolved_at)
                prescriptions_.resolveFinding(r.id, f.id, now(), caller.principal.actor(),
                                              matched ? "目視照合: 一致" : "目視照合: 不一致");
        ReconciliationRecord rec;
        rec.prescription_id = r.id;
        rec.at = now();
        rec.actor = caller.principal.actor();
        rec.method = ComparisonMethod::Manual;
        rec.readable = true;
        rec.matched = matched;
        rec.differences = matched ? std::vector<workflow::Difference>{} : std::move(differences);
        rec.note = note;
        if (!matched) openInquiry(r, "original_mismatch", caller);
        save(r);
        originals_.addReconciliation(rec);
        auditEvent(caller, "original.compare", "prescription", std::to_string(r.id), r.patient_ref,
                   std::string(workflow::name(before)) + "->" + *r.original_state);
        out = outcomeOf(r.id);
    });
    return out;
}

OriginalOutcome OriginalsService::status(std::int64_t id, const auth::Caller& caller) {
    OriginalOutcome out;
    tx_.read([&] { out = outcomeOf(id); });
    auditEvent(caller, "original.read", "prescription", std::to_string(id), out.record.patient_ref,
               "");
    return out;
}

InquiryRecord OriginalsService::recordInquiry(std::int64_t id, const InquiryCall& call,
                                              const auth::Caller& caller) {
    if (call.answer.empty() && call.clinic_contact.empty())
        throw Error(ErrorKind::BadRequest, "missing_field", "照会先か回答を入力してください",
                    "answer");
    InquiryRecord inquiry;
    tx_.write([&] {
        PrescriptionRecord r = load(id);
        if (currentState(r) != OriginalState::Mismatched || !r.original_state)
            throw Error(ErrorKind::Conflict, "original_not_mismatched",
                        "疑義照会は原本が照合不一致のときに記録します");
        auto existing = originals_.inquiries(id);
        auto it = std::find_if(existing.begin(), existing.end(),
                               [](const InquiryRecord& i) { return i.open() && !i.called_at; });
        if (it != existing.end())
            inquiry = *it;
        else
            inquiry = openInquiry(r, "original_mismatch", caller);
        const auto& p = caller.principal;
        inquiry.called_by = !call.called_by.empty()   ? call.called_by
                            : !p.display_name.empty() ? p.display_name
                                                      : p.name;
        inquiry.called_at = unixSeconds(call.called_at.value_or(clock_.now()));
        inquiry.clinic_contact = call.clinic_contact;
        inquiry.answer = call.answer;
        originals_.updateInquiry(inquiry);
        prescriptions_.addEvent(
            id, intake::EventRecord{now(), p.actor(), "original.inquiry_call", *r.original_state,
                                    *r.original_state, "照会 " + std::to_string(inquiry.id)});
        auditEvent(caller, "original.inquiry", "prescription", std::to_string(id), r.patient_ref,
                   "inquiry=" + std::to_string(inquiry.id));
    });
    return inquiry;
}

OriginalOutcome OriginalsService::resolveInquiry(std::int64_t id, std::int64_t inquiry_id,
                                                 std::int64_t version,
                                                 const std::string& resolution,
                                                 const auth::Caller& caller) {
    if (resolution.empty())
        throw Error(ErrorKind::BadRequest, "missing_field", "対応内容を入力してください",
                    "resolution");
    OriginalOutcome out;
    tx_.write([&] {
        PrescriptionRecord r = load(id);
        requireVersion(r, version);
        auto inquiries = originals_.inquiries(id);
        auto it = std::find_if(inquiries.begin(), inquiries.end(),
                               [&](const InquiryRecord& i) { return i.id == inquiry_id; });
        if (it == inquiries.end())
            throw Error(ErrorKind::NotFound, "inquiry_not_found", "疑義照会が見つかりません");
        if (!it->open())
            throw Error(ErrorKind::Conflict, "inquiry_resolved", "この疑義照会は解決済みです");
        it->resolution = resolution;
        it->resolved_at = now();
        it->resolved_by = caller.principal.actor();
        originals_.updateInquiry(*it);
        const bool others_open = std::any_of(inquiries.begin(), inquiries.end(),
                                             [](const InquiryRecord& i) { return i.open(); });
        if (!others_open) {
            step(r, OriginalAction::ResolveMismatch, caller, resolution);
            save(r);
        }
        auditEvent(caller, "original.resolve", "prescription", std::to_string(id), r.patient_ref,
                   "inquiry=" + std::to_string(inquiry_id));
        out = outcomeOf(id);
    });
    return out;
}

OrphanOutcome OriginalsService::receiveOriginal(std::string_view bytes,
                                                const auth::Caller& caller) {
    requireStaffRole(caller);
    ReadOriginal original = readDocument(bytes);
    OrphanOutcome out;
    tx_.write([&] {
        std::vector<std::int64_t> candidates;
        OrphanOriginal orphan;
        if (original.content) {
            const auto& rx = *original.content;
            orphan.content = rx;
            orphan.institution_code = intake::institutionCodeOf(rx);
            orphan.prescription_number = rx.prescription_number;
            orphan.issue_date = rx.issue_date ? formatDate(*rx.issue_date) : "";
            orphan.patient_ref = intake::patientRef(rx);
            orphan.patient_name = rx.patient.kanji.empty() ? rx.patient.kana : rx.patient.kanji;
            orphan.match_key = intake::matchKey(rx);
            if (!orphan.match_key.empty())
                candidates = originals_.awaitingByMatchKey(orphan.match_key);
            if (candidates.empty() && !orphan.institution_code.empty() &&
                !orphan.issue_date.empty() && !orphan.patient_ref.empty())
                candidates = originals_.awaitingByPatient(orphan.institution_code,
                                                          orphan.issue_date, orphan.patient_ref);
        }
        if (candidates.size() == 1) {
            PrescriptionRecord r = load(candidates.front());
            out.attached = reconcile(r, r.version, original, caller, "original.receive_matched");
            return;
        }
        orphan.received_at = now();
        orphan.received_by = caller.principal.actor();
        orphan.source_sha256 = original.source_sha256;
        orphan.pages = original.pages;
        orphan.hold_reason = !original.content    ? "unreadable"
                             : candidates.empty() ? "no_match"
                                                  : "ambiguous";
        orphan.id = originals_.addOrphan(orphan);
        auditEvent(caller, "original.orphan_hold", "orphan_original", std::to_string(orphan.id),
                   orphan.patient_ref, orphan.hold_reason);
        out.held = orphan;
    });
    return out;
}

std::vector<OrphanOriginal> OriginalsService::orphans(const auth::Caller& caller) {
    std::vector<OrphanOriginal> out;
    tx_.read([&] { out = originals_.heldOrphans(); });
    auditEvent(caller, "original.orphan_list", "orphan_original", "", "",
               "count=" + std::to_string(out.size()));
    return out;
}

std::string OriginalsService::orphanPage(std::int64_t orphan_id, int page_no, bool preview,
                                         const auth::Caller& caller) {
    std::optional<OrphanOriginal> orphan;
    tx_.read([&] { orphan = originals_.findOrphan(orphan_id); });
    if (!orphan)
        throw Error(ErrorKind::NotFound, "orphan_not_found", "保留中の原本が見つかりません");
    auditEvent(caller, "original.orphan_page", "orphan_original", std::to_string(orphan_id),
               orphan->patient_ref, std::to_string(page_no));
    for (const auto& p : orphan->pages)
        if (p.page_no == page_no) return preview ? p.preview_blob_id : p.blob_id;
    throw Error(ErrorKind::NotFound, "page_not_found", "そのページはありません");
}

OriginalOutcome OriginalsService::attachOrphan(std::int64_t orphan_id, std::int64_t id,
                                               std::int64_t version, const auth::Caller& caller) {
    OriginalOutcome out;
    tx_.write([&] {
        auto orphan = originals_.findOrphan(orphan_id);
        if (!orphan)
            throw Error(ErrorKind::NotFound, "orphan_not_found", "保留中の原本が見つかりません");
        if (orphan->attached_to)
            throw Error(ErrorKind::Conflict, "orphan_attached",
                        "この原本は既に処方箋に紐付けられています");
        PrescriptionRecord r = load(id);
        ReadOriginal original;
        original.pages = orphan->pages;
        original.source_sha256 = orphan->source_sha256;
        original.content = orphan->content;
        original.note = "保留原本 " + std::to_string(orphan_id) + " を紐付け";
        out = reconcile(r, version, original, caller, "original.orphan_attach");
        if (!originals_.markOrphanAttached(orphan_id, id, now(), caller.principal.actor()))
            throw Error(ErrorKind::Conflict, "orphan_attached",
                        "この原本は既に処方箋に紐付けられています");
    });
    return out;
}

std::vector<OutstandingEntry> OriginalsService::evaluate(std::vector<AwaitingRow> rows) {
    workflow::OriginalDeadlinePolicy policy;
    policy.default_days_after_dispensing = settings_.deadline_days;
    policy.claim_cutoff_business_day = settings_.claim_cutoff_business_day;
    for (const auto& row : rows)
        if (row.clinic_id && row.clinic_deadline_days)
            policy.days_after_dispensing_by_clinic[std::to_string(*row.clinic_id)] =
                *row.clinic_deadline_days;
    workflow::OverdueCalculator calculator(workflow::BusinessCalendar{}, policy);
    const Date today = tokyoDate(clock_.now());
    auto daysBetween = [](Date from, Date to) {
        return int((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
    };

    std::vector<OutstandingEntry> dispensed, waiting;
    for (auto& row : rows) {
        OutstandingEntry e;
        auto dispensed_on = parseDate(row.dispensed_on);
        if (dispensed_on) {
            workflow::AwaitedOriginal awaited{std::to_string(row.prescription_id),
                                              row.clinic_id ? std::to_string(*row.clinic_id) : "",
                                              *dispensed_on};
            e.deadline = calculator.evaluate(awaited, today);
            e.age_days = e.deadline->age_days;
        } else {
            e.age_days = daysBetween(tokyoDate(fromUnixSeconds(row.received_at)), today);
        }
        e.row = std::move(row);
        (e.deadline ? dispensed : waiting).push_back(std::move(e));
    }
    std::sort(dispensed.begin(), dispensed.end(),
              [](const OutstandingEntry& a, const OutstandingEntry& b) {
                  if (a.deadline->days_until_due != b.deadline->days_until_due)
                      return a.deadline->days_until_due < b.deadline->days_until_due;
                  if (a.deadline->dispensed_on != b.deadline->dispensed_on)
                      return a.deadline->dispensed_on < b.deadline->dispensed_on;
                  return a.row.prescription_id < b.row.prescription_id;
              });
    std::sort(waiting.begin(), waiting.end(),
              [](const OutstandingEntry& a, const OutstandingEntry& b) {
                  return std::pair(a.row.received_at, a.row.prescription_id) <
                         std::pair(b.row.received_at, b.row.prescription_id);
              });
    dispensed.insert(dispensed.end(), std::make_move_iterator(waiting.begin()),
                     std::make_move_iterator(waiting.end()));
    return dispensed;
}

std::vector<OutstandingEntry> OriginalsService::outstanding(std::optional<std::int64_t> clinic_id,
                                                            const auth::Caller& caller) {
    std::vector<AwaitingRow> rows;
    std::map<std::int64_t, std::int64_t> chases;
    tx_.read([&] {
        rows = originals_.awaiting(AwaitingFilter{clinic_id, std::nullopt, ""});
        chases = originals_.lastChases();
    });
    auto entries = evaluate(std::move(rows));
    for (auto& e : entries)
        if (e.row.clinic_id)
            if (auto it = chases.find(*e.row.clinic_id); it != chases.end())
                e.last_chased_at = it->second;
    auditEvent(caller, "original.outstanding", "prescription", "", "",
               "count=" + std::to_string(entries.size()));
    return entries;
}

ChaseResult OriginalsService::chase(std::int64_t clinic_id, const auth::Caller& caller) {
    ChaseResult out;
    out.clinic_id = clinic_id;
    tx_.write([&] {
        auto clinic = clinics_.find(clinic_id);
        if (!clinic)
            throw Error(ErrorKind::NotFound, "clinic_not_found", "医療機関が見つかりません");
        auto entries = evaluate(originals_.awaiting(AwaitingFilter{clinic_id, std::nullopt, ""}));
        ChaseLetterInput input;
        input.clinic_name = clinic->name;
        input.pharmacy_name = settings_.pharmacy_name;
        input.pharmacy_contact = settings_.pharmacy_contact;
        input.generated_at = clock_.now();
        for (const auto& e : entries) {
            // Only dispensed prescriptions are chased: before dispensing the original is
            // not yet late (it is normally still in the post).
            if (!e.deadline) continue;
            auto record = prescriptions_.find(e.row.prescription_id);
            input.items.push_back(ChaseItem{patientInitials(record ? kanaOf(*record) : ""),
                                            e.row.issue_date, e.row.prescription_number,
                                            e.row.prescription_id, e.row.dispensed_on,
                                            e.deadline->overdue});
            auditEvent(caller, "original.chase", "prescription",
                       std::to_string(e.row.prescription_id), e.row.patient_ref,
                       "clinic=" + std::to_string(clinic_id));
        }
        if (input.items.empty())
            throw Error(ErrorKind::RuleViolation, "no_missing_originals",
                        "この医療機関に督促が必要な原本未着の処方箋はありません");
        out.originals = int(input.items.size());
        originals_.addChase(clinic_id, now(), caller.principal.actor(), out.originals);
        out.letter = chaseLetter(input);
    });
    return out;
}

std::vector<OutstandingEntry> OriginalsService::awaitingForClinic(const auth::Caller& caller) {
    const auto& p = caller.principal;
    if (!p.isClient() || p.client_kind != auth::ClientKind::Clinic)
        throw Error(ErrorKind::Forbidden, "forbidden", "医療機関の API キーでのみ利用できます");
    std::vector<OutstandingEntry> entries;
    tx_.read([&] {
        entries =
            evaluate(originals_.awaiting(AwaitingFilter{std::nullopt, p.id, p.institution_code}));
        for (auto& e : entries) {
            auto record = prescriptions_.find(e.row.prescription_id);
            e.patient_initials = patientInitials(record ? kanaOf(*record) : "");
        }
    });
    auditEvent(caller, "original.clinic_awaiting", "prescription", "", "",
               "count=" + std::to_string(entries.size()));
    return entries;
}

}  // namespace rxdesk::originals
