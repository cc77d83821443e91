#include "scheduling/GuidanceService.h"

#include <Poco/NumberParser.h>

#include <algorithm>
#include <map>

#include "core/Error.h"
#include "crypto/Hashing.h"
#include "crypto/RandomBytes.h"
#include "guidance/GuidanceFee.h"
#include "guidance/ICalendarFeed.h"
#include "guidance/OpenSessions.h"
#include "guidance/RecordValidator.h"
#include "notify/MessageTemplates.h"
#include "notify/ReminderPlanner.h"

namespace rxdesk::scheduling {
namespace {

using namespace std::chrono_literals;
using notify::NotificationKind;

constexpr int kMaxListDays = 62;

Error appointmentNotFound() {
    return Error(ErrorKind::NotFound, "appointment_not_found", "予約が見つかりません");
}

Error pharmacistNotFound() {
    return Error(ErrorKind::NotFound, "pharmacist_not_found", "薬剤師が見つかりません",
                 "pharmacist");
}

std::string pid(std::int64_t id) {
    return std::to_string(id);
}

// A pharmacist may manage their own schedule and feed; an admin anyone's.
void requireOwnOrAdmin(const auth::Caller& caller, std::int64_t pharmacist_id) {
    const auto& p = caller.principal;
    if (p.isUser() && p.role && (*p.role == auth::Role::Admin || p.id == pharmacist_id)) return;
    throw Error(ErrorKind::Forbidden, "not_your_schedule",
                "他の薬剤師の予定は変更できません（管理者にご依頼ください）");
}

void requireAppointmentPharmacist(const auth::Caller& caller, const Appointment& a) {
    if (caller.principal.isUser() && caller.principal.id == a.pharmacist_id) return;
    throw Error(ErrorKind::Forbidden, "not_your_appointment", "担当薬剤師のみが操作できます");
}

void requireBooked(const Appointment& a) {
    if (a.status == AppointmentStatus::Cancelled)
        throw Error(ErrorKind::Conflict, "appointment_cancelled", "この予約は取り消されています");
    if (a.status == AppointmentStatus::Completed)
        throw Error(ErrorKind::Conflict, "appointment_completed", "この予約は記録済みです");
}

Error refusalError(guidance::BookingRefusal refusal) {
    if (refusal == guidance::BookingRefusal::Overlaps)
        return Error(ErrorKind::Conflict, "slot_taken",
                     "その時間はこの薬剤師の別の予約と重なっています", "start");
    return Error(ErrorKind::RuleViolation, std::string(guidance::refusalCode(refusal)),
                 std::string(guidance::refusalMessageJa(refusal)), "start");
}

std::string requireReason(const std::string& reason) {
    if (reason.empty())
        throw Error(ErrorKind::BadRequest, "missing_field", "理由を入力してください", "reason");
    return reason;
}

}  // namespace

GuidanceService::GuidanceService(Transactor& tx, GuidanceRepository& repo,
                                 intake::PrescriptionRepository& prescriptions,
                                 intake::IntakeService& intake, auth::UserRepository& users,
                                 notify::OutboxStore& outbox, audit::AuditLog& audit,
                                 const Clock& clock, GuidanceSettings settings)
    : tx_(tx),
      repo_(repo),
      prescriptions_(prescriptions),
      intake_(intake),
      users_(users),
      outbox_(outbox),
      audit_(audit),
      clock_(clock),
      settings_(std::move(settings)) {
    if (settings_.videoEnabled())
        issuer_ = std::make_unique<guidance::JoinLinkIssuer>(settings_.video);
    // Rendering once here fails fast on a pharmacy name the templates refuse.
    notify::renderMessage(NotificationKind::Cancellation,
                          {settings_.pharmacy_name, settings_.pharmacy_phone, TimePoint{}, {}});
}

GuidanceService::~GuidanceService() = default;

auth::User GuidanceService::resolvePharmacist(const std::string& ref) {
    std::optional<auth::User> user;
    std::int64_t id = 0;
    if (!ref.empty() && ref.find_first_not_of("0123456789") == std::string::npos &&
        Poco::NumberParser::tryParse64(ref, id))
        user = users_.findById(id);
    else if (!ref.empty())
        user = users_.findByLogin(ref);
    if (!user || user->role != auth::Role::Pharmacist || user->disabled())
        throw pharmacistNotFound();
    return *user;
}

PharmacistRef GuidanceService::refOf(std::int64_t user_id) {
    PharmacistRef ref{user_id, "", ""};
    if (auto u = users_.findById(user_id)) {
        ref.login = u->login;
        ref.display_name = u->display_name;
    }
    return ref;
}

guidance::PharmacistSchedule GuidanceService::scheduleOf(std::int64_t pharmacist_id) {
    auto stored = repo_.findSchedule(pharmacist_id);
    guidance::PharmacistSchedule s = stored.value_or(guidance::PharmacistSchedule{});
    s.pharmacist_id = pid(pharmacist_id);
    return s;
}

std::vector<guidance::TimeRange> GuidanceService::busy(std::int64_t pharmacist_id, TimePoint around,
                                                       std::int64_t excluding) {
    std::vector<guidance::TimeRange> out;
    // Two days either side covers any slot length, buffer and the Tokyo day boundary.
    for (const auto& a : repo_.appointmentsOf(pharmacist_id, around - 48h, around + 48h, false))
        if (a.id != excluding) out.push_back({a.start, a.end});
    return out;
}

Appointment GuidanceService::loadAppointment(std::int64_t id) {
    auto a = repo_.findAppointment(id);
    if (!a) throw appointmentNotFound();
    return *a;
}

AppointmentView GuidanceService::view(const Appointment& a) {
    return AppointmentView{a, refOf(a.pharmacist_id), repo_.findRecord(a.id).has_value()};
}

void GuidanceService::auditPatient(const auth::Caller& caller, const std::string& action,
                                   const Appointment& a, const std::string& detail,
                                   const std::string& outcome) {
    audit_.record(audit::AuditEvent{
        caller.principal.actor(), action, "guidance_appointment", a.key(),
        a.patient_ref.empty() ? std::nullopt : std::optional<std::string>(a.patient_ref),
        caller.remote_addr, outcome, detail});
}

// ---- schedules and slots -------------------------------------------------------------------

guidance::PharmacistSchedule GuidanceService::schedule(const std::string& pharmacist,
                                                       const auth::Caller&) {
    guidance::PharmacistSchedule out;
    tx_.read([&] { out = scheduleOf(resolvePharmacist(pharmacist).id); });
    return out;
}

guidance::PharmacistSchedule GuidanceService::setSchedule(const std::string& pharmacist,
                                                          guidance::PharmacistSchedule schedule,
                                                          const auth::Caller& caller) {
    const auto problems = guidance::validateSchedule(schedule);
    if (!problems.empty())
        throw Error(ErrorKind::BadRequest, problems.front().code, problems.front().message_ja,
                    problems.front().field);
    tx_.write([&] {
        auto user = resolvePharmacist(pharmacist);
        requireOwnOrAdmin(caller, user.id);
        schedule.pharmacist_id = pid(user.id);
        repo_.saveSchedule(user.id, schedule, clock_.now(), caller.principal.actor());
        audit_.record(audit::AuditEvent{caller.principal.actor(), "guidance.schedule.set", "user",
                                        pid(user.id), std::nullopt, caller.remote_addr, "ok", ""});
    });
    return schedule;
}

std::vector<guidance::Slot> GuidanceService::slots(const std::string& pharmacist, Date date) {
    std::vector<guidance::Slot> out;
    tx_.read([&] {
        auto user = resolvePharmacist(pharmacist);
        out = guidance::planSlots(scheduleOf(user.id), date, busy(user.id, tokyoTime(date, 720), 0),
                                  clock_.now());
    });
    return out;
}

// ---- bookings ------------------------------------------------------------------------------

void GuidanceService::checkSlot(const Appointment& a, std::int64_t excluding) {
    auto check =
        guidance::checkBooking(scheduleOf(a.pharmacist_id),
                               busy(a.pharmacist_id, a.start, excluding), a.start, clock_.now());
    if (!check.ok()) throw refusalError(*check.refusal);
}

void GuidanceService::enqueue(const Appointment& a, NotificationKind kind, TimePoint due,
                              const std::string& discriminator,
                              std::optional<TimePoint> previous_start) {
    if (!a.contact) return;
    notify::MessageContext context{settings_.pharmacy_name, settings_.pharmacy_phone, a.start,
                                   previous_start};
    const auto message = notify::renderMessage(kind, context);
    notify::Notification n;
    n.kind = kind;
    n.channel = a.contact->channel;
    n.appointment_id = a.key();
    n.recipient = a.contact->address;
    n.subject = message.subject;
    n.body = message.body;
    n.dedup_key = notify::dedupKey(a.key(), kind, n.channel, discriminator);
    n.due_at = due;
    // Every notice is pointless once the (old, for a cancellation) start has passed.
    n.expires_at =
        kind == NotificationKind::Cancellation && previous_start ? *previous_start : a.start;
    outbox_.enqueue(n, clock_.now());
}

void GuidanceService::enqueueReminders(const Appointment& a) {
    for (TimePoint due : notify::planReminders(a.start, settings_.reminder_offsets, clock_.now()))
        enqueue(a, NotificationKind::Reminder, due, formatIso8601(due), std::nullopt);
}

AppointmentView GuidanceService::book(const BookingRequest& request, const auth::Caller& caller) {
    if (request.contact && request.contact->address.empty())
        throw Error(ErrorKind::BadRequest, "missing_field", "連絡先を入力してください",
                    "contact.address");
    Appointment a;
    AppointmentView out;
    tx_.write([&] {
        auto rx = prescriptions_.find(request.prescription_id);
        if (!rx)
            throw Error(ErrorKind::NotFound, "prescription_not_found", "処方箋が見つかりません",
                        "prescription_id");
        if (rx->patient_ref.empty())
            throw Error(ErrorKind::RuleViolation, "patient_unknown",
                        "患者が特定できない処方箋は予約できません（内容を入力してください）",
                        "prescription_id");
        if (rx->status == "cancelled" || rx->status == "misdirected" || rx->status == "completed")
            throw Error(ErrorKind::Conflict, "prescription_closed",
                        "この処方箋は取消・誤送信・完了のため予約できません", "prescription_id");
        auto user = resolvePharmacist(request.pharmacist);
        const auto schedule = scheduleOf(user.id);

        a.prescription_id = rx->id;
        a.patient_ref = rx->patient_ref;
        a.patient_initials = guidance::safeInitials(request.patient_initials);
        a.pharmacist_id = user.id;
        a.start = request.start;
        a.end = request.start + schedule.slot_length;
        a.contact = request.contact;
        a.created_at = a.updated_at = clock_.now();
        a.created_by = caller.principal.actor();

        checkSlot(a, 0);
        if (!repo_.liveAppointmentsOfPrescription(rx->id).empty())
            throw Error(ErrorKind::Conflict, "prescription_already_booked",
                        "この処方箋には既に予約があります（変更は予約の変更から）",
                        "prescription_id");
        a.id = repo_.insertAppointment(a);
        enqueue(a, NotificationKind::BookingConfirmation, clock_.now(), formatIso8601(a.start),
                std::nullopt);
        enqueueReminders(a);
        auditPatient(caller, "guidance.appointment.book", a,
                     "pharmacist=" + pid(user.id) + " start=" + formatIso8601(a.start));
        out = view(a);
    });
    return out;
}

AppointmentView GuidanceService::reschedule(std::int64_t id, TimePoint start,
                                            const std::string& reason, const auth::Caller& caller) {
    requireReason(reason);
    AppointmentView out;
    tx_.write([&] {
        Appointment a = loadAppointment(id);
        requireBooked(a);
        if (a.session_started_at)
            throw Error(ErrorKind::Conflict, "session_started",
                        "指導が始まっている予約は変更できません");
        const TimePoint previous = a.start;
        const auto schedule = scheduleOf(a.pharmacist_id);
        a.start = start;
        a.end = start + schedule.slot_length;
        checkSlot(a, a.id);
        a.sequence += 1;
        a.change_reason = reason;
        a.updated_at = clock_.now();
        repo_.updateAppointment(a);
        outbox_.cancelPending(a.key(),
                              {NotificationKind::BookingConfirmation, NotificationKind::Reminder,
                               NotificationKind::Change},
                              clock_.now());
        enqueue(a, NotificationKind::Change, clock_.now(),
                formatIso8601(a.start) + "#" + std::to_string(a.sequence), previous);
        enqueueReminders(a);
        auditPatient(caller, "guidance.appointment.reschedule", a,
                     "from=" + formatIso8601(previous) + " to=" + formatIso8601(a.start));
        out = view(a);
    });
    return out;
}

AppointmentView GuidanceService::cancel(std::int64_t id, const std::string& reason,
                                        const auth::Caller& caller) {
    requireReason(reason);
    AppointmentView out;
    tx_.write([&] {
        Appointment a = loadAppointment(id);
        requireBooked(a);
        if (a.session_started_at)
            throw Error(ErrorKind::Conflict, "session_started",
                        "指導が始まっている予約は取り消せません。記録で「中止」としてください");
        a.status = AppointmentStatus::Cancelled;
        a.sequence += 1;
        a.cancel_reason = reason;
        a.updated_at = clock_.now();
        repo_.updateAppointment(a);
        outbox_.cancelPending(a.key(),
                              {NotificationKind::BookingConfirmation, NotificationKind::Reminder,
                               NotificationKind::Change},
                              clock_.now());
        enqueue(a, NotificationKind::Cancellation, clock_.now(), formatIso8601(a.start), a.start);
        auditPatient(caller, "guidance.appointment.cancel", a);
        out = view(a);
    });
    return out;
}

AppointmentView GuidanceService::get(std::int64_t id, const auth::Caller& caller) {
    AppointmentView out;
    tx_.read([&] { out = view(loadAppointment(id)); });
    auditPatient(caller, "guidance.appointment.read", out.appointment);
    return out;
}

std::vector<AppointmentView> GuidanceService::list(const std::string& pharmacist, Date from,
                                                   Date to, const auth::Caller& caller) {
    const auto days = (std::chrono::sys_days(to) - std::chrono::sys_days(from)).count();
    if (days < 0 || days >= kMaxListDays)
        throw Error(ErrorKind::BadRequest, "invalid_range",
                    "期間は from〜to の順で 62 日以内にしてください", "to");
    std::vector<AppointmentView> out;
    std::int64_t pharmacist_id = 0;
    tx_.read([&] {
        pharmacist_id = resolvePharmacist(pharmacist).id;
        const TimePoint begin = tokyoTime(from);
        const TimePoint end = tokyoTime(Date(std::chrono::sys_days(to) + std::chrono::days(1)));
        for (const auto& a : repo_.appointmentsOf(pharmacist_id, begin, end, true))
            out.push_back(view(a));
    });
    audit_.record(audit::AuditEvent{
        caller.principal.actor(), "guidance.appointment.list", "guidance_appointment", "",
        std::nullopt, caller.remote_addr, "ok",
        "pharmacist=" + pid(pharmacist_id) + " count=" + std::to_string(out.size())});
    return out;
}

// ---- preferred pharmacist and candidates ---------------------------------------------------

PharmacistRef GuidanceService::setPreferredPharmacist(std::int64_t prescription_id,
                                                      const std::string& pharmacist,
                                                      const auth::Caller& caller) {
    PharmacistRef out;
    tx_.write([&] {
        auto rx = prescriptions_.find(prescription_id);
        if (!rx)
            throw Error(ErrorKind::NotFound, "prescription_not_found", "処方箋が見つかりません");
        if (rx->patient_ref.empty())
            throw Error(ErrorKind::RuleViolation, "patient_unknown",
                        "患者が特定できない処方箋です");
        auto user = resolvePharmacist(pharmacist);
        repo_.setPreferredPharmacist(rx->patient_ref, user.id, clock_.now());
        audit_.record(audit::AuditEvent{caller.principal.actor(), "guidance.preference.set",
                                        "prescription", std::to_string(rx->id), rx->patient_ref,
                                        caller.remote_addr, "ok", "pharmacist=" + pid(user.id)});
        out = PharmacistRef{user.id, user.login, user.display_name};
    });
    return out;
}

std::vector<Candidate> GuidanceService::candidates(std::int64_t prescription_id, Date date,
                                                   const auth::Caller& caller) {
    std::vector<Candidate> out;
    std::string patient_ref;
    tx_.read([&] {
        auto rx = prescriptions_.find(prescription_id);
        if (!rx)
            throw Error(ErrorKind::NotFound, "prescription_not_found", "処方箋が見つかりません");
        patient_ref = rx->patient_ref;
        std::string preferred;
        if (!patient_ref.empty())
            if (auto p = repo_.preferredPharmacist(patient_ref)) preferred = pid(*p);
        std::vector<guidance::PharmacistCandidate> facts;
        std::map<std::string, PharmacistRef> refs;
        for (const auto& u : users_.list()) {
            if (u.role != auth::Role::Pharmacist || u.disabled()) continue;
            guidance::PharmacistCandidate c;
            c.pharmacist_id = pid(u.id);
            for (const auto& slot : guidance::planSlots(
                     scheduleOf(u.id), date, busy(u.id, tokyoTime(date, 720), 0), clock_.now()))
                if (slot.available) {
                    c.earliest_available = slot.start;
                    break;
                }
            if (!patient_ref.empty())
                c.last_counselled_patient = repo_.lastCounselled(patient_ref, u.id);
            facts.push_back(c);
            refs[c.pharmacist_id] = PharmacistRef{u.id, u.login, u.display_name};
        }
        for (auto& c : guidance::orderCandidates(std::move(facts), preferred))
            out.push_back(Candidate{refs[c.pharmacist_id], c, c.pharmacist_id == preferred});
    });
    audit_.record(audit::AuditEvent{
        caller.principal.actor(), "guidance.candidates.read", "prescription",
        std::to_string(prescription_id),
        patient_ref.empty() ? std::nullopt : std::optional<std::string>(patient_ref),
        caller.remote_addr, "ok", ""});
    return out;
}

// ---- calendar feed -------------------------------------------------------------------------

CalendarFeedIssue GuidanceService::issueCalendarFeed(const std::string& pharmacist,
                                                     const auth::Caller& caller) {
    CalendarFeedIssue out;
    out.token = crypto::randomToken(32);
    tx_.write([&] {
        auto user = resolvePharmacist(pharmacist);
        requireOwnOrAdmin(caller, user.id);
        repo_.saveFeedToken(user.id, crypto::sha256Hex(out.token), clock_.now());
        audit_.record(audit::AuditEvent{caller.principal.actor(), "guidance.calendar_feed.issue",
                                        "user", pid(user.id), std::nullopt, caller.remote_addr,
                                        "ok", ""});
    });
    out.url = settings_.public_base_url + "/api/v1/guidance/calendar/" + out.token + ".ics";
    return out;
}

std::string GuidanceService::calendarFeed(const std::string& file, const std::string& remote_addr) {
    const std::string suffix = ".ics";
    Error not_found(ErrorKind::NotFound, "feed_not_found", "カレンダーが見つかりません");
    if (file.size() <= suffix.size() ||
        file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0)
        throw not_found;
    const std::string token = file.substr(0, file.size() - suffix.size());
    std::vector<guidance::CalendarEntry> entries;
    std::int64_t pharmacist_id = 0;
    const TimePoint now = clock_.now();
    tx_.read([&] {
        auto owner = repo_.pharmacistOfFeed(crypto::sha256Hex(token));
        if (!owner) throw not_found;
        pharmacist_id = *owner;
        // A revoked pharmacist's feed stops with the account.
        auto user = users_.findById(pharmacist_id);
        if (!user || user->disabled()) throw not_found;
        for (const auto& a : repo_.appointmentsOf(pharmacist_id, now - std::chrono::days(30),
                                                  now + std::chrono::days(180), true)) {
            guidance::CalendarEntry e;
            e.appointment_id = a.key();
            e.start = a.start;
            e.end = a.end;
            e.patient_initials = a.patient_initials;
            e.status = a.status == AppointmentStatus::Cancelled
                           ? guidance::CalendarEntryStatus::Cancelled
                           : guidance::CalendarEntryStatus::Confirmed;
            e.sequence = a.sequence;
            e.last_modified = a.updated_at;
            entries.push_back(e);
        }
    });
    audit_.record(audit::AuditEvent{"feed:" + pid(pharmacist_id), "guidance.calendar_feed.read",
                                    "user", pid(pharmacist_id), std::nullopt, remote_addr, "ok",
                                    "count=" + std::to_string(entries.size())});
    guidance::CalendarFeedOptions options;
    options.uid_domain = settings_.calendar_uid_domain;
    options.generated_at = now;
    return guidance::renderCalendarFeed(entries, options);
}

// ---- join links ----------------------------------------------------------------------------

guidance::JoinLink GuidanceService::pharmacistJoinLink(std::int64_t id,
                                                       const auth::Caller& caller) {
    Appointment a;
    PharmacistRef who;
    tx_.read([&] {
        a = loadAppointment(id);
        who = refOf(a.pharmacist_id);
    });
    requireAppointmentPharmacist(caller, a);
    requireBooked(a);
    if (!issuer_)
        throw Error(ErrorKind::UpstreamUnavailable, "video_not_configured",
                    "ビデオ通話サービスが設定されていません");
    guidance::JoinRequest request{a.key(),
                                  {a.start, a.end},
                                  guidance::ParticipantRole::Pharmacist,
                                  who.display_name,
                                  "user:" + pid(a.pharmacist_id)};
    auto link = issuer_->issue(request, clock_.now());
    auditPatient(caller, "guidance.join", a, "role=pharmacist");
    return link;
}

std::optional<std::string> GuidanceService::patientJoinLink(const notify::Notification& n) {
    if (!issuer_) return std::nullopt;
    std::int64_t id = 0;
    if (!Poco::NumberParser::tryParse64(n.appointment_id, id)) return std::nullopt;
    std::optional<Appointment> a;
    tx_.read([&] { a = repo_.findAppointment(id); });
    if (!a || a->status != AppointmentStatus::Booked) return std::nullopt;
    try {
        guidance::JoinRequest request{
            a->key(), {a->start, a->end}, guidance::ParticipantRole::Patient, "患者様", ""};
        return issuer_->issue(request, clock_.now()).url;
    } catch (const Error& e) {
        if (e.code() == "join_window_closed") return std::nullopt;
        throw;
    }
}

// ---- sessions and the record ---------------------------------------------------------------

AppointmentView GuidanceService::startSession(std::int64_t id, const auth::Caller& caller) {
    AppointmentView out;
    tx_.write([&] {
        Appointment a = loadAppointment(id);
        requireAppointmentPharmacist(caller, a);
        requireBooked(a);
        if (!a.session_started_at) {
            if (auto refusal = guidance::checkCanOpenSession(
                    repo_.openSessions(), pid(a.pharmacist_id), a.patient_ref, a.key()))
                throw Error(ErrorKind::Conflict, refusal->code, refusal->message_ja);
            a.session_started_at = clock_.now();
            a.updated_at = clock_.now();
            repo_.updateAppointment(a);
            auditPatient(caller, "guidance.session.start", a);
        }
        out = view(a);
    });
    return out;
}

RecordOutcome GuidanceService::record(std::int64_t id, RecordInput input,
                                      const auth::Caller& caller) {
    RecordOutcome out;
    tx_.write([&] {
        Appointment a = loadAppointment(id);
        requireAppointmentPharmacist(caller, a);
        if (a.status == AppointmentStatus::Completed || repo_.findRecord(a.id))
            throw Error(ErrorKind::Conflict, "record_exists", "この予約の指導記録は既にあります");
        requireBooked(a);

        const TimePoint now = clock_.now();
        guidance::GuidanceRecord& rec = input.record;
        rec.session_id = a.key();
        rec.appointment_id = a.key();
        rec.pharmacist_id = pid(a.pharmacist_id);
        rec.patient_id = a.patient_ref;
        if (!rec.started_at) rec.started_at = a.session_started_at;
        if (!rec.ended_at) rec.ended_at = now;

        guidance::RecordFacts facts;
        facts.now = now;
        facts.patient_had_previous_online_session = repo_.hadCompletedSession(a.patient_ref, a.id);
        facts.appointment = guidance::TimeRange{a.start, a.end};
        out.findings = guidance::validateRecord(rec, facts);
        if (guidance::hasErrors(out.findings)) {
            std::string codes;
            for (const auto& f : out.findings)
                if (f.severity == guidance::Severity::Error)
                    codes += (codes.empty() ? "" : ",") + f.code;
            auditPatient(caller, "guidance.record", a, "refused=" + codes, "denied");
            return;
        }

        // One patient at a time: no other session of this pharmacist may overlap this one,
        // whether recorded or still open.
        const guidance::TimeRange range{*rec.started_at, *rec.ended_at};
        if (!repo_.recordedSessionsOverlapping(a.pharmacist_id, range).empty())
            throw Error(
                ErrorKind::Conflict, "pharmacist_session_overlap",
                "この時間帯には同じ薬剤師の別の指導記録があります（同時に2人は指導できません）",
                "started_at");
        for (const auto& open : repo_.openSessions())
            if (open.pharmacist_id == rec.pharmacist_id && open.session_id != rec.session_id &&
                open.started_at < *rec.ended_at)
                throw Error(
                    ErrorKind::Conflict, "pharmacist_session_already_open",
                    "同じ薬剤師の別の指導が開始されたままです。先にそちらを記録してください",
                    "started_at");

        StoredRecord stored;
        stored.appointment_id = a.id;
        stored.pharmacist_id = a.pharmacist_id;
        stored.patient_ref = a.patient_ref;
        stored.history.home_patient = input.home_patient;
        stored.history.notebook_presented = input.notebook_presented;
        stored.history.home_visit_same_day = input.home_visit_same_day;
        if (auto visit = repo_.previousVisit(a.patient_ref, a.prescription_id, *rec.started_at))
            stored.history.previous_prescription_date = tokyoDate(*visit);
        if (input.previous_visit_date &&
            (!stored.history.previous_prescription_date ||
             std::chrono::sys_days(*input.previous_visit_date) >
                 std::chrono::sys_days(*stored.history.previous_prescription_date)))
            stored.history.previous_prescription_date = input.previous_visit_date;
        stored.record = rec;
        stored.fee = guidance::computeFee(rec, stored.history);
        stored.recorded_at = now;
        stored.recorded_by = caller.principal.actor();
        repo_.insertRecord(stored);

        a.status = AppointmentStatus::Completed;
        a.updated_at = now;
        repo_.updateAppointment(a);
        auditPatient(caller, "guidance.record", a,
                     "outcome=" + std::string(guidance::outcomeCode(rec.outcome)) +
                         " fee=" + stored.fee.basis + ":" + std::to_string(stored.fee.points));

        auto rx = prescriptions_.find(a.prescription_id);
        out.prescription_status = rx ? rx->status : "";
        // Only online guidance actually given counts as the guidance step; a switch to
        // face-to-face is recorded at the counter when it happens.
        if (rx && rec.outcome == guidance::SessionOutcome::Completed && rx->status == "dispensed") {
            auto moved = intake_.act(rx->id, "record_guidance", rx->version,
                                     "オンライン服薬指導（予約 " + a.key() + "）", caller);
            out.prescription_status = moved.status;
            out.lifecycle_moved = true;
        }
        out.stored = stored;
    });
    return out;
}

std::optional<StoredRecord> GuidanceService::findRecord(std::int64_t id,
                                                        const auth::Caller& caller) {
    std::optional<StoredRecord> out;
    Appointment a;
    tx_.read([&] {
        a = loadAppointment(id);
        out = repo_.findRecord(id);
    });
    auditPatient(caller, "guidance.record.read", a);
    return out;
}

}  // namespace rxdesk::scheduling
