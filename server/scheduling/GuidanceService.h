#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/AuditLog.h"
#include "auth/Principal.h"
#include "auth/UserRepository.h"
#include "core/Clock.h"
#include "core/TokyoTime.h"
#include "core/Transactor.h"
#include "guidance/CandidateOrdering.h"
#include "guidance/Finding.h"
#include "guidance/SlotPlanner.h"
#include "guidance_links/JoinLinkIssuer.h"
#include "intake/IntakeService.h"
#include "intake/PrescriptionRepository.h"
#include "notify/OutboxStore.h"
#include "scheduling/GuidanceRepository.h"
#include "scheduling/GuidanceSettings.h"

namespace rxdesk::scheduling {

/// A pharmacist as the guidance API names them.
struct PharmacistRef {
    std::int64_t id = 0;
    std::string login;
    std::string display_name;
};

/// What POST /guidance/appointments asks for.
struct BookingRequest {
    std::int64_t prescription_id = 0;
    /// Login or decimal user id of a pharmacist.
    std::string pharmacist;
    TimePoint start{};
    /// "Y.T." for the calendar feed; anything that is not initials is dropped.
    std::string patient_initials;
    /// Without a contact nothing is sent to the patient.
    std::optional<PatientContact> contact;
};

/// An appointment with the names the UI shows.
struct AppointmentView {
    Appointment appointment;
    PharmacistRef pharmacist;
    bool recorded = false;
};

/// One pharmacist offered to a patient (かかりつけ first; see guidance::orderCandidates).
struct Candidate {
    PharmacistRef pharmacist;
    guidance::PharmacistCandidate facts;
    bool preferred = false;
};

/// What the pharmacist records after a session, plus the facts the fee depends on that only
/// the pharmacist knows this time.
struct RecordInput {
    /// session_id, appointment_id, pharmacist_id and patient_id are filled by the service;
    /// a missing started_at is taken from the opened session, a missing ended_at is now.
    guidance::GuidanceRecord record;
    bool notebook_presented = false;
    bool home_patient = false;
    bool home_visit_same_day = false;
    /// The patient's previous visit when it predates rxdesk's records; the later of this and
    /// the stored history counts.
    std::optional<Date> previous_visit_date;
};

/// The answer to a record attempt. With an error finding nothing was stored.
struct RecordOutcome {
    std::vector<guidance::Finding> findings;
    std::optional<StoredRecord> stored;
    /// The prescription's status afterwards, and whether recording moved it through
    /// record_guidance (only a completed online session of a dispensed prescription does).
    std::string prescription_status;
    bool lifecycle_moved = false;
};

/// A freshly issued secret calendar feed.
struct CalendarFeedIssue {
    std::string token;
    std::string url;
};

/// Video guidance for the counter: schedules, slots, bookings, the calendar feed, join links,
/// patient notifications and the guidance record. Every read and write of patient data is
/// audited with the patient's pseudonymous reference, in the same transaction as the change.
/// Errors are rxdesk::Error: NotFound (unknown pharmacist, prescription, appointment, feed),
/// Forbidden (someone else's schedule or session), Conflict ("slot_taken" when the pharmacist
/// is already booked, "prescription_already_booked", "record_exists", session conflicts),
/// RuleViolation (slot refusals such as "outside_hours", "on_break", "too_late"),
/// BadRequest (malformed input), UpstreamUnavailable ("video_not_configured").
class GuidanceService {
public:
    /// Builds the join-link issuer from settings.video when video_domain is set; throws
    /// Error(Internal, "invalid_join_link_settings") for a bad video configuration.
    GuidanceService(Transactor& tx, GuidanceRepository& repo,
                    intake::PrescriptionRepository& prescriptions, intake::IntakeService& intake,
                    auth::UserRepository& users, notify::OutboxStore& outbox,
                    audit::AuditLog& audit, const Clock& clock, GuidanceSettings settings);
    ~GuidanceService();

    /// The pharmacist's schedule (an empty one with the defaults when never set).
    guidance::PharmacistSchedule schedule(const std::string& pharmacist,
                                          const auth::Caller& caller);
    /// Replaces the schedule: pharmacists their own, admins anyone's (else Forbidden).
    /// Error(BadRequest, <validateSchedule code>) for a structurally bad schedule.
    guidance::PharmacistSchedule setSchedule(const std::string& pharmacist,
                                             guidance::PharmacistSchedule schedule,
                                             const auth::Caller& caller);

    /// Every slot of the date with its availability (no patient data).
    std::vector<guidance::Slot> slots(const std::string& pharmacist, Date date);

    /// Books a slot. checkBooking and the insert run in one write transaction, and the store
    /// refuses overlapping rows, so concurrent requests for one slot give exactly one booking.
    /// Enqueues the confirmation and the reminders when a contact is given.
    AppointmentView book(const BookingRequest& request, const auth::Caller& caller);
    /// Moves a booked appointment; pending confirmation/reminders/changes are cancelled and a
    /// change notice plus new reminders enqueued. `reason` is required.
    AppointmentView reschedule(std::int64_t id, TimePoint start, const std::string& reason,
                               const auth::Caller& caller);
    /// Cancels a booked appointment; pending notices are withdrawn and a cancellation notice
    /// enqueued. `reason` is required.
    AppointmentView cancel(std::int64_t id, const std::string& reason, const auth::Caller& caller);
    AppointmentView get(std::int64_t id, const auth::Caller& caller);
    /// The pharmacist's appointments from `from` to `to` (Tokyo dates, inclusive, at most 62
    /// days), cancelled ones included.
    std::vector<AppointmentView> list(const std::string& pharmacist, Date from, Date to,
                                      const auth::Caller& caller);

    /// Stores the patient's かかりつけ pharmacist (keyed by the prescription's patient).
    PharmacistRef setPreferredPharmacist(std::int64_t prescription_id,
                                         const std::string& pharmacist, const auth::Caller& caller);
    /// Pharmacists for the prescription's patient on `date`, preferred first.
    std::vector<Candidate> candidates(std::int64_t prescription_id, Date date,
                                      const auth::Caller& caller);

    /// Issues (or re-issues, revoking the old one) the pharmacist's secret feed URL: own or,
    /// for admins, anyone's.
    CalendarFeedIssue issueCalendarFeed(const std::string& pharmacist, const auth::Caller& caller);
    /// The .ics of the feed `file` ("<token>.ics"); NotFound for an unknown or revoked token.
    std::string calendarFeed(const std::string& file, const std::string& remote_addr);

    /// The pharmacist's (moderator) join link; only the appointment's pharmacist gets it.
    guidance::JoinLink pharmacistJoinLink(std::int64_t id, const auth::Caller& caller);
    /// The patient's join link for a notification (the Dispatcher's join_link hook); nullopt
    /// when video is off, the appointment is not booked or its window has closed.
    std::optional<std::string> patientJoinLink(const notify::Notification& notification);

    /// Opens the session of the appointment (its pharmacist only). Refused with
    /// Error(Conflict, "pharmacist_session_already_open" | "patient_session_already_open")
    /// while another session of the pharmacist or patient is open. Idempotent.
    AppointmentView startSession(std::int64_t id, const auth::Caller& caller);

    /// Validates and stores the record (see RecordOutcome) with its fee; a completed online
    /// session of a dispensed prescription moves it through record_guidance. Refused with
    /// Error(Conflict, "pharmacist_session_overlap") when the pharmacist's recorded sessions
    /// overlap this one, "record_exists" when it was recorded already.
    RecordOutcome record(std::int64_t id, RecordInput input, const auth::Caller& caller);
    std::optional<StoredRecord> findRecord(std::int64_t id, const auth::Caller& caller);

    bool videoEnabled() const { return issuer_ != nullptr; }
    const GuidanceSettings& settings() const { return settings_; }

private:
    auth::User resolvePharmacist(const std::string& ref);
    PharmacistRef refOf(std::int64_t user_id);
    guidance::PharmacistSchedule scheduleOf(std::int64_t pharmacist_id);
    std::vector<guidance::TimeRange> busy(std::int64_t pharmacist_id, TimePoint around,
                                          std::int64_t excluding);
    Appointment loadAppointment(std::int64_t id);
    AppointmentView view(const Appointment& a);
    void checkSlot(const Appointment& a, std::int64_t excluding);
    void enqueue(const Appointment& a, notify::NotificationKind kind, TimePoint due,
                 const std::string& discriminator, std::optional<TimePoint> previous_start);
    void enqueueReminders(const Appointment& a);
    void auditPatient(const auth::Caller& caller, const std::string& action, const Appointment& a,
                      const std::string& detail = {}, const std::string& outcome = "ok");

    Transactor& tx_;
    GuidanceRepository& repo_;
    intake::PrescriptionRepository& prescriptions_;
    intake::IntakeService& intake_;
    auth::UserRepository& users_;
    notify::OutboxStore& outbox_;
    audit::AuditLog& audit_;
    const Clock& clock_;
    GuidanceSettings settings_;
    std::unique_ptr<guidance::JoinLinkIssuer> issuer_;
};

}  // namespace rxdesk::scheduling
