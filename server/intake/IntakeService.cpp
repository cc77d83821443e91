#include "intake/IntakeService.h"

#include <algorithm>

#include "auth/PermissionTable.h"
#include "checks/RuleChecker.h"
#include "core/Error.h"
#include "core/TokyoTime.h"
#include "intake/MatchKeys.h"
#include "intake/StaffRoles.h"
#include "jahis/JahisParser.h"
#include "workflow/PrescriptionLifecycle.h"
#include "workflow/PrescriptionState.h"
#include "workflow/StaffRole.h"
#include "workflow/WorkflowAction.h"

namespace rxdesk::intake {
namespace {

using prescription::Finding;
using prescription::Severity;

Error notFound() {
    return Error(ErrorKind::NotFound, "prescription_not_found", "処方箋が見つかりません");
}

// Fills the columns copied out of the content for matching and listing.
void deriveFromContent(PrescriptionRecord& r) {
    if (!r.content) return;
    const auto& rx = *r.content;
    r.institution_code = institutionCodeOf(rx);
    r.prescription_number = rx.prescription_number;
    r.issue_date = rx.issue_date ? formatDate(*rx.issue_date) : "";
    r.patient_ref = patientRef(rx);
    r.patient_name = rx.patient.kanji.empty() ? rx.patient.kana : rx.patient.kanji;
    r.match_key = matchKey(rx);
}

bool unresolvedError(const PrescriptionRecord& r) {
    return std::any_of(r.findings.begin(), r.findings.end(), [](const FindingRecord& f) {
        return f.finding.severity == Severity::Error && !f.resolved_at;
    });
}

bool mustBeHandedOverInPerson(const PrescriptionRecord& r) {
    return std::any_of(r.findings.begin(), r.findings.end(), [](const FindingRecord& f) {
        return f.finding.code.rfind("rx_emergency_contraceptive", 0) == 0;
    });
}

Finding duplicateFinding(std::int64_t original_id) {
    return {"duplicate_of", Severity::Warning,
            "同じ処方箋が既に受け付けられています。二重に調剤しないでください",
            "受付番号 " + std::to_string(original_id)};
}

}  // namespace

workflow::TransitionContext transitionContextOf(const PrescriptionRecord& r) {
    workflow::TransitionContext context;
    context.channel = r.channel;
    context.has_unresolved_errors = unresolvedError(r);
    context.delivery_forbidden = mustBeHandedOverInPerson(r);
    context.dispensing_result_registered = !r.dispensing_result_id.empty();
    if (r.held_from) context.held_from = workflow::parsePrescriptionState(*r.held_from);
    return context;
}

std::vector<workflow::WorkflowAction> availableActions(const PrescriptionRecord& r,
                                                       const auth::Principal& principal) {
    // The route that takes the step requires PrescriptionEdit; without it no button works.
    if (!auth::PermissionTable::allows(principal, auth::Permission::PrescriptionEdit)) return {};
    auto role = staffRoleOf(principal);
    auto state = workflow::parsePrescriptionState(r.status);
    if (!role || !state) return {};
    return workflow::PrescriptionLifecycle::availableActions(*state, *role, transitionContextOf(r));
}

std::int64_t IntakeService::queueChangeSequence() {
    std::int64_t seq = 0;
    tx_.read([&] { seq = prescriptions_.changeSequence(); });
    return seq;
}

std::int64_t IntakeService::now() const {
    return unixSeconds(clock_.now());
}

void IntakeService::auditEvent(const auth::Caller& caller, const std::string& action,
                               const PrescriptionRecord& r, const std::string& detail) {
    audit_.record(audit::AuditEvent{
        caller.principal.actor(), action, "prescription", std::to_string(r.id),
        r.patient_ref.empty() ? std::nullopt : std::optional<std::string>(r.patient_ref),
        caller.remote_addr, "ok", detail});
}

std::vector<Finding> IntakeService::assess(const PrescriptionRecord& r,
                                           const std::vector<Finding>& read) const {
    std::vector<Finding> out = read;
    if (r.content) {
        checks::CheckContext context{r.channel, tokyoDate(clock_.now()), classifier_};
        auto found = checks::runChecks(*r.content, context);
        out.insert(out.end(), found.begin(), found.end());
    } else {
        out.push_back(
            {"manual_entry_required", Severity::Warning,
             "処方箋の QR コードを読み取れませんでした。画像を見て処方内容を入力してください", ""});
    }
    if (r.channel == prescription::Channel::Fax) {
        if (r.sender_fax.empty())
            out.push_back(
                {"fax_sender_missing", Severity::Info, "送信元の FAX 番号が不明です", ""});
        else if (!clinics_.findByFaxNumber(normalizeFaxNumber(r.sender_fax)))
            out.push_back(
                {"fax_sender_unknown", Severity::Warning,
                 "登録されていない FAX 番号からの受信です。送信元の医療機関を確認してください",
                 "送信元 " + r.sender_fax});
    }
    if (r.duplicate_of) out.push_back(duplicateFinding(*r.duplicate_of));
    return out;
}

IntakeResult IntakeService::receive(const Arrival& a, const auth::Caller& caller) {
    // Everything that does not depend on what else is in the queue is worked out before the
    // write transaction: writers take turns, so the less each does inside, the more
    // arrivals a second the queue takes.
    PrescriptionRecord r;
    r.channel = a.channel;
    r.status = std::string(workflow::name(workflow::PrescriptionLifecycle::initialState()));
    if (prescription::expectsMailedOriginal(a.channel)) r.original_state = "awaiting";
    r.content = a.content;
    deriveFromContent(r);
    r.client_id = a.client_id;
    r.client_reference = a.client_reference;
    r.request_hash = a.request_hash;
    r.source_sha256 = a.source_sha256;
    r.sender_fax = a.sender_fax;
    r.eprescription_id = a.eprescription_id;
    r.received_at = a.received_at ? unixSeconds(*a.received_at) : now();
    r.received_by = caller.principal.actor();
    r.pages = a.pages;
    std::vector<Finding> findings;
    tx_.read([&] {
        if (!r.institution_code.empty())
            if (auto clinic = clinics_.findByInstitutionCode(r.institution_code))
                r.clinic_id = clinic->id;
        if (!r.clinic_id && !a.sender_fax.empty())
            if (auto clinic = clinics_.findByFaxNumber(normalizeFaxNumber(a.sender_fax)))
                r.clinic_id = clinic->id;
        findings = assess(r, a.read_findings);
    });

    IntakeResult result;
    tx_.write([&] {
        if (a.client_id && !a.client_reference.empty()) {
            if (auto prior =
                    prescriptions_.findByClientReference(*a.client_id, a.client_reference)) {
                if (prior->request_hash != a.request_hash)
                    throw Error(ErrorKind::Conflict, "reference_reused",
                                "この参照番号は別の内容の処方箋に使われています",
                                "client_reference");
                result.record = *prior;
                result.replayed = true;
                return;
            }
        }
        PrescriptionRecord stored = r;
        stored.updated_at = now();
        stored.duplicate_of =
            prescriptions_.findOriginalOf(stored.source_sha256, stored.match_key, 0);
        for (const auto& f : findings) stored.findings.push_back(FindingRecord{0, f, {}, {}, {}});
        if (stored.duplicate_of)
            stored.findings.push_back(
                FindingRecord{0, duplicateFinding(*stored.duplicate_of), {}, {}, {}});
        stored.id = prescriptions_.insert(stored);
        prescriptions_.addEvent(
            stored.id, EventRecord{now(), caller.principal.actor(), "receive", "", stored.status,
                                   std::string(prescription::name(stored.channel))});
        auditEvent(caller, "prescription.create", stored,
                   std::string(prescription::name(stored.channel)));
        result.record.id = stored.id;
    });
    // The answer is read back after the commit, outside the writers' turn.
    if (!result.replayed) tx_.read([&] { result.record = *prescriptions_.find(result.record.id); });
    return result;
}

IntakeResult IntakeService::receiveDocument(std::string_view bytes, const DocumentArrival& meta,
                                            const auth::Caller& caller) {
    ReadDocument doc = reader_.read(bytes);
    Arrival arrival;
    arrival.channel = meta.channel;
    arrival.sender_fax = meta.sender_fax;
    arrival.received_at = meta.received_at;
    arrival.client_id = meta.client_id;
    // Blobs are written before the row that names them (content-addressed, so a retry
    // rewrites nothing); a crash in between leaves only an unreferenced blob.
    arrival.source_sha256 = blobs_.put(bytes);
    int page_no = 0;
    for (const auto& page : doc.pages)
        arrival.pages.push_back(PageRecord{meta.page_kind, ++page_no, blobs_.put(page.png),
                                           blobs_.put(page.preview_png), "image/png"});
    arrival.read_findings = doc.findings;
    if (doc.jahis_text) {
        auto parsed = jahis::JahisParser::parse(*doc.jahis_text);
        arrival.content = parsed.prescription;
        arrival.read_findings.insert(arrival.read_findings.end(), parsed.findings.begin(),
                                     parsed.findings.end());
    }
    return receive(arrival, caller);
}

std::optional<std::int64_t> IntakeService::findBySourceDocument(const std::string& sha256) {
    std::optional<std::int64_t> id;
    tx_.read([&] { id = prescriptions_.findOriginalOf(sha256, "", 0); });
    return id;
}

PrescriptionRecord IntakeService::load(std::int64_t id, const auth::Caller& caller) {
    auto r = prescriptions_.find(id);
    if (!r) throw notFound();
    const auto& p = caller.principal;
    if (p.isClient() && (p.client_kind != auth::ClientKind::Clinic || r->client_id != p.id))
        throw notFound();
    return *r;
}

void IntakeService::save(PrescriptionRecord& r, std::int64_t expected_version) {
    r.updated_at = now();
    if (!prescriptions_.update(r, expected_version))
        throw Error(
            ErrorKind::Conflict, "version_conflict",
            "他の方がこの処方箋を先に更新しました。最新の内容を読み込んでからやり直してください",
            "version");
    r.version = expected_version + 1;
}

PrescriptionRecord IntakeService::get(std::int64_t id, const auth::Caller& caller) {
    PrescriptionRecord r;
    tx_.read([&] { r = load(id, caller); });
    auditEvent(caller, "prescription.read", r);
    return r;
}

std::vector<PrescriptionRecord> IntakeService::list(const QueueFilter& filter,
                                                    const auth::Caller& caller) {
    std::vector<PrescriptionRecord> out;
    tx_.read([&] { out = prescriptions_.list(filter); });
    audit_.record(audit::AuditEvent{caller.principal.actor(), "prescription.list", "prescription",
                                    "", std::nullopt, caller.remote_addr, "ok",
                                    "count=" + std::to_string(out.size())});
    return out;
}

std::vector<EventRecord> IntakeService::timeline(std::int64_t id, const auth::Caller& caller) {
    std::vector<EventRecord> out;
    tx_.read([&] {
        load(id, caller);
        out = prescriptions_.events(id);
    });
    return out;
}

PrescriptionRecord IntakeService::act(std::int64_t id, const std::string& action_name,
                                      std::int64_t version, const std::string& note,
                                      const auth::Caller& caller) {
    auto action = workflow::parseWorkflowAction(action_name);
    if (!action)
        throw Error(ErrorKind::BadRequest, "unknown_action", "その操作はありません", "action");
    auto role = staffRoleOf(caller.principal);
    if (!role) throw Error(ErrorKind::Forbidden, "forbidden", "この操作を行う権限がありません");
    PrescriptionRecord r;
    tx_.write([&] {
        r = load(id, caller);
        if (r.version != version)
            throw Error(ErrorKind::Conflict, "version_conflict",
                        "他の方がこの処方箋を先に更新しました。最新の内容を読み込んでからやり直して"
                        "ください",
                        "version");
        auto state = workflow::parsePrescriptionState(r.status);
        if (!state) throw Error(ErrorKind::Internal, "bad_state", "処方箋の状態が不正です");
        auto outcome =
            workflow::PrescriptionLifecycle::decide(*state, *action, *role, transitionContextOf(r));
        if (!outcome) throw outcome.refusal().toError();
        const std::string from = r.status;
        r.status = std::string(workflow::name(outcome.state()));
        if (*action == workflow::WorkflowAction::Hold) r.held_from = from;
        if (*action == workflow::WorkflowAction::ReleaseHold) r.held_from.reset();
        if (*action == workflow::WorkflowAction::Dispense)
            r.dispensed_on = formatDate(tokyoDate(clock_.now()));
        if (*action == workflow::WorkflowAction::Complete) r.completed_at = now();
        if (*action == workflow::WorkflowAction::MarkMisdirected) r.misdirected_at = now();
        save(r, version);
        prescriptions_.addEvent(
            r.id, EventRecord{now(), caller.principal.actor(), action_name, from, r.status, note});
        auditEvent(caller, "prescription." + action_name, r, from + "->" + r.status);
    });
    return r;
}

PrescriptionRecord IntakeService::recordDispensingResult(std::int64_t id,
                                                         const std::string& receipt_id,
                                                         const auth::Caller& caller) {
    PrescriptionRecord r;
    tx_.write([&] {
        r = load(id, caller);
        if (r.channel != prescription::Channel::Eprescription)
            throw Error(ErrorKind::Conflict, "not_an_eprescription", "電子処方箋ではありません");
        if (r.dispensed_on.empty())
            throw Error(ErrorKind::Conflict, "not_dispensed", "調剤後に調剤結果を登録してください");
        r.dispensing_result_id = receipt_id;
        r.dispensing_result_at = now();
        save(r, r.version);
        prescriptions_.addEvent(
            id, EventRecord{now(), caller.principal.actor(), "register_dispensing_result", r.status,
                            r.status, receipt_id});
        auditEvent(caller, "prescription.register_dispensing_result", r);
        r = *prescriptions_.find(id);
    });
    return r;
}

PrescriptionRecord IntakeService::markMisdirected(std::int64_t id, std::int64_t version,
                                                  const std::string& note,
                                                  const auth::Caller& caller) {
    return act(id, "mark_misdirected", version, note, caller);
}

PrescriptionRecord IntakeService::linkDuplicate(std::int64_t id, std::optional<std::int64_t> of,
                                                std::int64_t version, const auth::Caller& caller) {
    PrescriptionRecord r;
    tx_.write([&] {
        r = load(id, caller);
        if (of) {
            if (*of == id || !prescriptions_.find(*of))
                throw Error(ErrorKind::BadRequest, "invalid_field", "重複先の受付番号が不正です",
                            "of");
        }
        r.duplicate_of = of;
        std::vector<Finding> kept;
        for (const auto& f : r.findings)
            if (f.finding.code != "duplicate_of") kept.push_back(f.finding);
        if (of)
            kept.push_back({"duplicate_of", Severity::Warning,
                            "同じ処方箋が既に受け付けられています。二重に調剤しないでください",
                            "受付番号 " + std::to_string(*of)});
        save(r, version);
        prescriptions_.replaceFindings(id, kept);
        prescriptions_.addEvent(id, EventRecord{now(), caller.principal.actor(),
                                                of ? "link_duplicate" : "unlink_duplicate",
                                                r.status, r.status, of ? std::to_string(*of) : ""});
        auditEvent(caller, "prescription.link_duplicate", r);
        r = *prescriptions_.find(id);
    });
    return r;
}

PrescriptionRecord IntakeService::updateContent(std::int64_t id, std::int64_t version,
                                                const prescription::Prescription& content,
                                                const auth::Caller& caller) {
    PrescriptionRecord r;
    tx_.write([&] {
        r = load(id, caller);
        if (r.status != "received" && r.status != "inquiry" && r.status != "on_hold")
            throw Error(ErrorKind::Conflict, "content_locked",
                        "監査後の処方箋は内容を変更できません。保留にしてから修正してください");
        r.content = content;
        deriveFromContent(r);
        save(r, version);
        prescriptions_.replaceFindings(id, assess(r, {}));
        prescriptions_.addEvent(id, EventRecord{now(), caller.principal.actor(), "update_content",
                                                r.status, r.status, ""});
        auditEvent(caller, "prescription.update_content", r);
        r = *prescriptions_.find(id);
    });
    return r;
}

PrescriptionRecord IntakeService::resolveFinding(std::int64_t id, std::int64_t finding_id,
                                                 const std::string& resolution,
                                                 const auth::Caller& caller) {
    if (resolution.empty())
        throw Error(ErrorKind::BadRequest, "missing_field", "対応内容を入力してください",
                    "resolution");
    PrescriptionRecord r;
    tx_.write([&] {
        r = load(id, caller);
        if (!prescriptions_.resolveFinding(id, finding_id, now(), caller.principal.actor(),
                                           resolution))
            throw Error(ErrorKind::NotFound, "finding_not_found", "指摘事項が見つかりません");
        prescriptions_.addEvent(id, EventRecord{now(), caller.principal.actor(), "resolve_finding",
                                                r.status, r.status, std::to_string(finding_id)});
        auditEvent(caller, "prescription.resolve_finding", r, std::to_string(finding_id));
        r = *prescriptions_.find(id);
    });
    return r;
}

}  // namespace rxdesk::intake
