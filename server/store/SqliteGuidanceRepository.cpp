#include "store/SqliteGuidanceRepository.h"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "store/GuidanceRecordRow.h"
#include "store/SqliteErrors.h"

namespace rxdesk::store {
namespace {

using scheduling::Appointment;
using scheduling::StoredRecord;

constexpr const char* kAppointmentColumns =
    "id, prescription_id, patient_ref, patient_initials, pharmacist_id, start_at, end_at, status, "
    "sequence, contact_channel, contact_address, change_reason, cancel_reason, "
    "session_started_at, created_at, created_by, updated_at";

std::int64_t secs(TimePoint t) {
    return unixSeconds(t);
}

std::optional<TimePoint> optionalTime(SQLite::Statement& q, int i) {
    if (q.getColumn(i).isNull()) return std::nullopt;
    return fromUnixSeconds(q.getColumn(i).getInt64());
}

Appointment rowToAppointment(SQLite::Statement& q) {
    Appointment a;
    a.id = q.getColumn(0).getInt64();
    a.prescription_id = q.getColumn(1).getInt64();
    a.patient_ref = q.getColumn(2).getString();
    a.patient_initials = q.getColumn(3).getString();
    a.pharmacist_id = q.getColumn(4).getInt64();
    a.start = fromUnixSeconds(q.getColumn(5).getInt64());
    a.end = fromUnixSeconds(q.getColumn(6).getInt64());
    a.status = scheduling::parseStatus(q.getColumn(7).getString())
                   .value_or(scheduling::AppointmentStatus::Booked);
    a.sequence = q.getColumn(8).getInt();
    if (!q.getColumn(9).isNull()) {
        if (auto channel = notify::parseChannel(q.getColumn(9).getString()))
            a.contact = scheduling::PatientContact{*channel, q.getColumn(10).getString()};
    }
    a.change_reason = q.getColumn(11).getString();
    a.cancel_reason = q.getColumn(12).getString();
    a.session_started_at = optionalTime(q, 13);
    a.created_at = fromUnixSeconds(q.getColumn(14).getInt64());
    a.created_by = q.getColumn(15).getString();
    a.updated_at = fromUnixSeconds(q.getColumn(16).getInt64());
    return a;
}

// Binds the mutable columns in the order: start_at, end_at, status, sequence, change_reason,
// cancel_reason, session_started_at, updated_at.
void bindMutable(SQLite::Statement& q, int first, const Appointment& a) {
    q.bind(first, secs(a.start));
    q.bind(first + 1, secs(a.end));
    q.bind(first + 2, std::string(scheduling::statusCode(a.status)));
    q.bind(first + 3, a.sequence);
    q.bind(first + 4, a.change_reason);
    q.bind(first + 5, a.cancel_reason);
    if (a.session_started_at)
        q.bind(first + 6, secs(*a.session_started_at));
    else
        q.bind(first + 6);
    q.bind(first + 7, secs(a.updated_at));
}

// The unique index and the overlap triggers both end up here.
[[noreturn]] void rethrowAppointmentWrite(const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_CONSTRAINT)
        throw Error(ErrorKind::Conflict, "slot_taken",
                    "その時間はこの薬剤師の別の予約と重なっています", "start");
    throw translateSqliteError(e);
}

std::string kindOf(guidance::ExceptionKind k) {
    switch (k) {
        case guidance::ExceptionKind::DayOff:
            return "day_off";
        case guidance::ExceptionKind::Break:
            return "break";
        case guidance::ExceptionKind::ExtraHours:
            return "extra_hours";
    }
    return "day_off";
}

std::string joinTopics(const std::set<guidance::GuidanceTopic>& topics) {
    std::string out;
    for (auto t : topics) out += (out.empty() ? "" : ",") + std::string(guidance::topicCode(t));
    return out;
}

}  // namespace

std::optional<guidance::PharmacistSchedule> SqliteGuidanceRepository::findSchedule(
    std::int64_t pharmacist_id) {
    auto& c = db_.connection();
    SQLite::Statement head(
        c,
        "SELECT slot_minutes, buffer_minutes, cutoff_minutes FROM guidance_schedules "
        "WHERE pharmacist_id = ?");
    head.bind(1, pharmacist_id);
    if (!head.executeStep()) return std::nullopt;
    guidance::PharmacistSchedule s;
    s.pharmacist_id = std::to_string(pharmacist_id);
    s.slot_length = std::chrono::minutes(head.getColumn(0).getInt());
    s.buffer = std::chrono::minutes(head.getColumn(1).getInt());
    s.booking_cutoff = std::chrono::minutes(head.getColumn(2).getInt());

    SQLite::Statement weekly(
        c,
        "SELECT weekday, kind, begin_minute, end_minute FROM guidance_schedule_weekly "
        "WHERE pharmacist_id = ? ORDER BY weekday, kind, begin_minute");
    weekly.bind(1, pharmacist_id);
    while (weekly.executeStep()) {
        const int day = weekly.getColumn(0).getInt();
        guidance::MinuteInterval interval{weekly.getColumn(2).getInt(),
                                          weekly.getColumn(3).getInt()};
        if (day < 0 || day > 6) continue;
        (weekly.getColumn(1).getString() == "hours" ? s.weekly_hours : s.weekly_breaks)[day]
            .push_back(interval);
    }
    SQLite::Statement exceptions(
        c,
        "SELECT date, kind, begin_minute, end_minute FROM guidance_schedule_exceptions "
        "WHERE pharmacist_id = ? ORDER BY date, kind, begin_minute");
    exceptions.bind(1, pharmacist_id);
    while (exceptions.executeStep()) {
        auto date = parseDate(exceptions.getColumn(0).getString());
        if (!date) continue;
        guidance::ScheduleException e;
        e.date = *date;
        const auto kind = exceptions.getColumn(1).getString();
        e.kind = kind == "break"         ? guidance::ExceptionKind::Break
                 : kind == "extra_hours" ? guidance::ExceptionKind::ExtraHours
                                         : guidance::ExceptionKind::DayOff;
        e.interval = {exceptions.getColumn(2).getInt(), exceptions.getColumn(3).getInt()};
        s.exceptions.push_back(e);
    }
    return s;
}

void SqliteGuidanceRepository::saveSchedule(std::int64_t pharmacist_id,
                                            const guidance::PharmacistSchedule& s, TimePoint at,
                                            const std::string& actor) {
    auto& c = db_.connection();
    for (const char* table : {"guidance_schedule_weekly", "guidance_schedule_exceptions"}) {
        SQLite::Statement del(c, std::string("DELETE FROM ") + table + " WHERE pharmacist_id = ?");
        del.bind(1, pharmacist_id);
        del.exec();
    }
    SQLite::Statement head(
        c,
        "INSERT INTO guidance_schedules (pharmacist_id, slot_minutes, buffer_minutes, "
        "cutoff_minutes, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (pharmacist_id) DO UPDATE SET slot_minutes = excluded.slot_minutes, "
        "buffer_minutes = excluded.buffer_minutes, cutoff_minutes = excluded.cutoff_minutes, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by");
    head.bind(1, pharmacist_id);
    head.bind(2, int(s.slot_length.count()));
    head.bind(3, int(s.buffer.count()));
    head.bind(4, int(s.booking_cutoff.count()));
    head.bind(5, secs(at));
    head.bind(6, actor);
    head.exec();
    SQLite::Statement weekly(c,
                             "INSERT INTO guidance_schedule_weekly (pharmacist_id, weekday, kind, "
                             "begin_minute, end_minute) VALUES (?, ?, ?, ?, ?)");
    for (int day = 0; day < 7; ++day) {
        for (const auto* list : {&s.weekly_hours[day], &s.weekly_breaks[day]}) {
            for (const auto& interval : *list) {
                weekly.reset();
                weekly.bind(1, pharmacist_id);
                weekly.bind(2, day);
                weekly.bind(3, list == &s.weekly_hours[day] ? "hours" : "break");
                weekly.bind(4, interval.begin);
                weekly.bind(5, interval.end);
                weekly.exec();
            }
        }
    }
    SQLite::Statement exception(
        c,
        "INSERT INTO guidance_schedule_exceptions (pharmacist_id, date, kind, "
        "begin_minute, end_minute) VALUES (?, ?, ?, ?, ?)");
    for (const auto& e : s.exceptions) {
        exception.reset();
        exception.bind(1, pharmacist_id);
        exception.bind(2, formatDate(e.date));
        exception.bind(3, kindOf(e.kind));
        exception.bind(4, e.kind == guidance::ExceptionKind::DayOff ? 0 : e.interval.begin);
        exception.bind(5, e.kind == guidance::ExceptionKind::DayOff ? 0 : e.interval.end);
        exception.exec();
    }
}

std::int64_t SqliteGuidanceRepository::insertAppointment(const Appointment& a) {
    auto& c = db_.connection();
    try {
        SQLite::Statement q(
            c,
            "INSERT INTO guidance_appointments (start_at, end_at, status, sequence, "
            "change_reason, cancel_reason, session_started_at, updated_at, "
            "prescription_id, patient_ref, patient_initials, pharmacist_id, "
            "contact_channel, contact_address, created_at, created_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        bindMutable(q, 1, a);
        q.bind(9, a.prescription_id);
        q.bind(10, a.patient_ref);
        q.bind(11, a.patient_initials);
        q.bind(12, a.pharmacist_id);
        if (a.contact) {
            q.bind(13, std::string(notify::channelCode(a.contact->channel)));
            q.bind(14, a.contact->address);
        } else {
            q.bind(13);
            q.bind(14);
        }
        q.bind(15, secs(a.created_at));
        q.bind(16, a.created_by);
        q.exec();
    } catch (const SQLite::Exception& e) {
        rethrowAppointmentWrite(e);
    }
    return c.getLastInsertRowid();
}

std::vector<Appointment> SqliteGuidanceRepository::query(
    const std::string& where, const std::function<void(SQLite::Statement&)>& bind) {
    SQLite::Statement q(db_.connection(), std::string("SELECT ") + kAppointmentColumns +
                                              " FROM guidance_appointments WHERE " + where);
    bind(q);
    std::vector<Appointment> out;
    while (q.executeStep()) out.push_back(rowToAppointment(q));
    return out;
}

std::optional<Appointment> SqliteGuidanceRepository::findAppointment(std::int64_t id) {
    auto rows = query("id = ?", [&](SQLite::Statement& q) { q.bind(1, id); });
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

void SqliteGuidanceRepository::updateAppointment(const Appointment& a) {
    try {
        SQLite::Statement q(
            db_.connection(),
            "UPDATE guidance_appointments SET start_at = ?, end_at = ?, status = ?, "
            "sequence = ?, change_reason = ?, cancel_reason = ?, session_started_at = ?, "
            "updated_at = ? WHERE id = ?");
        bindMutable(q, 1, a);
        q.bind(9, a.id);
        q.exec();
    } catch (const SQLite::Exception& e) {
        rethrowAppointmentWrite(e);
    }
}

std::vector<Appointment> SqliteGuidanceRepository::appointmentsOf(std::int64_t pharmacist_id,
                                                                  TimePoint from, TimePoint to,
                                                                  bool include_cancelled) {
    return query(std::string("pharmacist_id = ? AND start_at >= ? AND start_at < ?") +
                     (include_cancelled ? "" : " AND status <> 'cancelled'") +
                     " ORDER BY start_at, id",
                 [&](SQLite::Statement& q) {
                     q.bind(1, pharmacist_id);
                     q.bind(2, secs(from));
                     q.bind(3, secs(to));
                 });
}

std::vector<Appointment> SqliteGuidanceRepository::liveAppointmentsOfPrescription(
    std::int64_t prescription_id) {
    return query("prescription_id = ? AND status = 'booked' ORDER BY start_at",
                 [&](SQLite::Statement& q) { q.bind(1, prescription_id); });
}

std::vector<guidance::OpenSession> SqliteGuidanceRepository::openSessions() {
    std::vector<guidance::OpenSession> out;
    for (const auto& a : query(
             "session_started_at IS NOT NULL AND status = 'booked' ORDER BY session_started_at, id",
             [](SQLite::Statement&) {}))
        out.push_back(
            {a.key(), std::to_string(a.pharmacist_id), a.patient_ref, *a.session_started_at});
    return out;
}

std::optional<std::int64_t> SqliteGuidanceRepository::preferredPharmacist(
    const std::string& patient_ref) {
    SQLite::Statement q(
        db_.connection(),
        "SELECT pharmacist_id FROM guidance_patient_preferences WHERE patient_ref = ?");
    q.bind(1, patient_ref);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt64();
}

void SqliteGuidanceRepository::setPreferredPharmacist(const std::string& patient_ref,
                                                      std::int64_t pharmacist_id, TimePoint at) {
    SQLite::Statement q(
        db_.connection(),
        "INSERT INTO guidance_patient_preferences (patient_ref, pharmacist_id, updated_at) "
        "VALUES (?, ?, ?) ON CONFLICT (patient_ref) DO UPDATE SET "
        "pharmacist_id = excluded.pharmacist_id, updated_at = excluded.updated_at");
    q.bind(1, patient_ref);
    q.bind(2, pharmacist_id);
    q.bind(3, secs(at));
    q.exec();
}

void SqliteGuidanceRepository::saveFeedToken(std::int64_t pharmacist_id,
                                             const std::string& token_sha256, TimePoint at) {
    SQLite::Statement q(
        db_.connection(),
        "INSERT INTO guidance_calendar_feeds (pharmacist_id, token_sha256, created_at) "
        "VALUES (?, ?, ?) ON CONFLICT (pharmacist_id) DO UPDATE SET "
        "token_sha256 = excluded.token_sha256, created_at = excluded.created_at");
    q.bind(1, pharmacist_id);
    q.bind(2, token_sha256);
    q.bind(3, secs(at));
    q.exec();
}

std::optional<std::int64_t> SqliteGuidanceRepository::pharmacistOfFeed(
    const std::string& token_sha256) {
    SQLite::Statement q(db_.connection(),
                        "SELECT pharmacist_id FROM guidance_calendar_feeds WHERE token_sha256 = ?");
    q.bind(1, token_sha256);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt64();
}

std::optional<TimePoint> SqliteGuidanceRepository::feedIssuedAt(std::int64_t pharmacist_id) {
    SQLite::Statement q(db_.connection(),
                        "SELECT created_at FROM guidance_calendar_feeds WHERE pharmacist_id = ?");
    q.bind(1, pharmacist_id);
    if (!q.executeStep()) return std::nullopt;
    return fromUnixSeconds(q.getColumn(0).getInt64());
}

void SqliteGuidanceRepository::insertRecord(const StoredRecord& s) {
    const auto& r = s.record;
    try {
        SQLite::Statement q(
            db_.connection(),
            "INSERT INTO guidance_records (appointment_id, pharmacist_id, patient_ref, started_at, "
            "ended_at, mode, video_and_audio_confirmed, first_session, identity_document, "
            "identity_document_other, pharmacist_identity_shown, others_present, "
            "others_description, "
            "others_consent, security_risk_agreed, private_space_confirmed, recorded, "
            "recording_consent, explained_topics, outcome, stop_reason, notebook_presented, "
            "home_patient, home_visit_same_day, previous_visit_date, fee_kind, fee_points, "
            "fee_basis, fee_reason, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        int i = 0;
        q.bind(++i, s.appointment_id);
        q.bind(++i, s.pharmacist_id);
        q.bind(++i, s.patient_ref);
        q.bind(++i, secs(r.started_at.value_or(TimePoint{})));
        q.bind(++i, secs(r.ended_at.value_or(TimePoint{})));
        q.bind(++i, std::string(guidance::modeCode(r.mode)));
        q.bind(++i, int(r.video_and_audio_confirmed));
        q.bind(++i, int(r.first_session));
        q.bind(++i, std::string(guidance::identityDocumentCode(r.identity_document)));
        q.bind(++i, r.identity_document_other);
        q.bind(++i, int(r.pharmacist_identity_shown));
        q.bind(++i, int(r.others_present));
        q.bind(++i, r.others_description);
        q.bind(++i, int(r.others_consent));
        q.bind(++i, int(r.security_risk_agreed));
        q.bind(++i, int(r.private_space_confirmed));
        q.bind(++i, int(r.recorded));
        q.bind(++i, int(r.recording_consent));
        q.bind(++i, joinTopics(r.explained_topics));
        q.bind(++i, std::string(guidance::outcomeCode(r.outcome)));
        q.bind(++i, r.stop_reason);
        q.bind(++i, int(s.history.notebook_presented));
        q.bind(++i, int(s.history.home_patient));
        q.bind(++i, int(s.history.home_visit_same_day));
        if (s.history.previous_prescription_date)
            q.bind(++i, formatDate(*s.history.previous_prescription_date));
        else
            q.bind(++i);
        q.bind(++i, std::string(guidance::feeKindCode(s.fee.kind)));
        q.bind(++i, s.fee.points);
        q.bind(++i, s.fee.basis);
        q.bind(++i, s.fee.reason_ja);
        q.bind(++i, secs(s.recorded_at));
        q.bind(++i, s.recorded_by);
        q.exec();
    } catch (const SQLite::Exception& e) {
        if (isUniqueViolation(e))
            throw Error(ErrorKind::Conflict, "record_exists", "この予約の指導記録は既にあります");
        throw translateSqliteError(e);
    }
}

std::optional<StoredRecord> SqliteGuidanceRepository::findRecord(std::int64_t appointment_id) {
    SQLite::Statement q(db_.connection(), "SELECT " + guidanceRecordColumns() +
                                              " FROM guidance_records WHERE appointment_id = ?");
    q.bind(1, appointment_id);
    if (!q.executeStep()) return std::nullopt;
    int column = 0;
    return readGuidanceRecord(q, column);
}

bool SqliteGuidanceRepository::hadCompletedSession(const std::string& patient_ref,
                                                   std::int64_t excluding_appointment) {
    SQLite::Statement q(
        db_.connection(),
        "SELECT 1 FROM guidance_records WHERE patient_ref = ? AND outcome = 'completed' "
        "AND appointment_id <> ? LIMIT 1");
    q.bind(1, patient_ref);
    q.bind(2, excluding_appointment);
    return q.executeStep();
}

std::vector<guidance::TimeRange> SqliteGuidanceRepository::recordedSessionsOverlapping(
    std::int64_t pharmacist_id, const guidance::TimeRange& range) {
    SQLite::Statement q(db_.connection(),
                        "SELECT started_at, ended_at FROM guidance_records WHERE pharmacist_id = ? "
                        "AND started_at < ? AND ? < ended_at");
    q.bind(1, pharmacist_id);
    q.bind(2, secs(range.end));
    q.bind(3, secs(range.start));
    std::vector<guidance::TimeRange> out;
    while (q.executeStep())
        out.push_back({fromUnixSeconds(q.getColumn(0).getInt64()),
                       fromUnixSeconds(q.getColumn(1).getInt64())});
    return out;
}

std::optional<TimePoint> SqliteGuidanceRepository::lastCounselled(const std::string& patient_ref,
                                                                  std::int64_t pharmacist_id) {
    SQLite::Statement q(db_.connection(),
                        "SELECT MAX(started_at) FROM guidance_records WHERE patient_ref = ? AND "
                        "pharmacist_id = ?");
    q.bind(1, patient_ref);
    q.bind(2, pharmacist_id);
    if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
    return fromUnixSeconds(q.getColumn(0).getInt64());
}

std::optional<TimePoint> SqliteGuidanceRepository::previousVisit(
    const std::string& patient_ref, std::int64_t excluding_prescription, TimePoint before) {
    SQLite::Statement q(
        db_.connection(),
        "SELECT MAX(received_at) FROM prescriptions WHERE patient_ref = ? AND id <> ? "
        "AND duplicate_of IS NULL AND misdirected_at IS NULL AND received_at < ?");
    q.bind(1, patient_ref);
    q.bind(2, excluding_prescription);
    q.bind(3, secs(before));
    if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
    return fromUnixSeconds(q.getColumn(0).getInt64());
}

}  // namespace rxdesk::store
