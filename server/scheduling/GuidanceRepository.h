#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Clock.h"
#include "guidance/OpenSessions.h"
#include "guidance/PharmacistSchedule.h"
#include "guidance/TimeRange.h"
#include "scheduling/Appointment.h"
#include "scheduling/StoredRecord.h"

namespace rxdesk::scheduling {

/// Storage port for video guidance. Call every method inside a Transactor scope; the
/// service runs "check + write" in one write transaction, which the store serialises.
class GuidanceRepository {
public:
    virtual ~GuidanceRepository() = default;

    /// The stored schedule of a pharmacist (pharmacist_id filled as the decimal user id), or
    /// nullopt when none was ever set.
    virtual std::optional<guidance::PharmacistSchedule> findSchedule(
        std::int64_t pharmacist_id) = 0;
    /// Replaces the whole schedule.
    virtual void saveSchedule(std::int64_t pharmacist_id,
                              const guidance::PharmacistSchedule& schedule, TimePoint at,
                              const std::string& actor) = 0;

    /// Inserts and returns the new id. Throws Error(Conflict, "slot_taken") when the store's
    /// own constraint finds a live appointment of the pharmacist overlapping it (the last
    /// line of defence against double booking).
    virtual std::int64_t insertAppointment(const Appointment& appointment) = 0;
    virtual std::optional<Appointment> findAppointment(std::int64_t id) = 0;
    /// Writes start, end, status, sequence, reasons, session start and updated_at. Throws
    /// Error(Conflict, "slot_taken") like insertAppointment.
    virtual void updateAppointment(const Appointment& appointment) = 0;
    /// Appointments of the pharmacist starting in [from, to), by start; cancelled ones only
    /// when asked for.
    virtual std::vector<Appointment> appointmentsOf(std::int64_t pharmacist_id, TimePoint from,
                                                    TimePoint to, bool include_cancelled) = 0;
    /// Booked appointments of the prescription.
    virtual std::vector<Appointment> liveAppointmentsOfPrescription(
        std::int64_t prescription_id) = 0;
    /// Sessions started (session_started_at set) whose appointment has no record yet.
    virtual std::vector<guidance::OpenSession> openSessions() = 0;

    virtual std::optional<std::int64_t> preferredPharmacist(const std::string& patient_ref) = 0;
    virtual void setPreferredPharmacist(const std::string& patient_ref, std::int64_t pharmacist_id,
                                        TimePoint at) = 0;

    /// Replaces the pharmacist's feed token (only its SHA-256 is stored).
    virtual void saveFeedToken(std::int64_t pharmacist_id, const std::string& token_sha256,
                               TimePoint at) = 0;
    virtual std::optional<std::int64_t> pharmacistOfFeed(const std::string& token_sha256) = 0;
    /// When the pharmacist's current feed was issued; nullopt when none.
    virtual std::optional<TimePoint> feedIssuedAt(std::int64_t pharmacist_id) = 0;

    /// Throws Error(Conflict, "record_exists") when the appointment already has a record.
    virtual void insertRecord(const StoredRecord& record) = 0;
    virtual std::optional<StoredRecord> findRecord(std::int64_t appointment_id) = 0;
    /// The patient has a completed online guidance record (other than this appointment's).
    virtual bool hadCompletedSession(const std::string& patient_ref,
                                     std::int64_t excluding_appointment) = 0;
    /// Recorded sessions [started_at, ended_at) of the pharmacist overlapping `range`.
    virtual std::vector<guidance::TimeRange> recordedSessionsOverlapping(
        std::int64_t pharmacist_id, const guidance::TimeRange& range) = 0;
    /// When the pharmacist last counselled the patient (the latest recorded start).
    virtual std::optional<TimePoint> lastCounselled(const std::string& patient_ref,
                                                    std::int64_t pharmacist_id) = 0;
    /// When the patient last brought another prescription (not this one, not a duplicate,
    /// not misdirected) before `before`; nullopt when never.
    virtual std::optional<TimePoint> previousVisit(const std::string& patient_ref,
                                                   std::int64_t excluding_prescription,
                                                   TimePoint before) = 0;
};

}  // namespace rxdesk::scheduling
