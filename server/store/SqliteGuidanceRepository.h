#pragma once

#include <SQLiteCpp/Statement.h>

#include <functional>

#include "scheduling/GuidanceRepository.h"
#include "store/Database.h"

namespace rxdesk::store {

/// scheduling::GuidanceRepository over the guidance_* tables (schema/0004_guidance.sql).
/// Overlapping live appointments are refused by the table's unique index and triggers and
/// reported as Error(Conflict, "slot_taken").
class SqliteGuidanceRepository : public scheduling::GuidanceRepository {
public:
    explicit SqliteGuidanceRepository(Database& db) : db_(db) {}

    std::optional<guidance::PharmacistSchedule> findSchedule(std::int64_t pharmacist_id) override;
    void saveSchedule(std::int64_t pharmacist_id, const guidance::PharmacistSchedule& schedule,
                      TimePoint at, const std::string& actor) override;
    std::int64_t insertAppointment(const scheduling::Appointment& appointment) override;
    std::optional<scheduling::Appointment> findAppointment(std::int64_t id) override;
    void updateAppointment(const scheduling::Appointment& appointment) override;
    std::vector<scheduling::Appointment> appointmentsOf(std::int64_t pharmacist_id, TimePoint from,
                                                        TimePoint to,
                                                        bool include_cancelled) override;
    std::vector<scheduling::Appointment> liveAppointmentsOfPrescription(
        std::int64_t prescription_id) override;
    std::vector<guidance::OpenSession> openSessions() override;
    std::optional<std::int64_t> preferredPharmacist(const std::string& patient_ref) override;
    void setPreferredPharmacist(const std::string& patient_ref, std::int64_t pharmacist_id,
                                TimePoint at) override;
    void saveFeedToken(std::int64_t pharmacist_id, const std::string& token_sha256,
                       TimePoint at) override;
    std::optional<std::int64_t> pharmacistOfFeed(const std::string& token_sha256) override;
    std::optional<TimePoint> feedIssuedAt(std::int64_t pharmacist_id) override;
    void insertRecord(const scheduling::StoredRecord& record) override;
    std::optional<scheduling::StoredRecord> findRecord(std::int64_t appointment_id) override;
    bool hadCompletedSession(const std::string& patient_ref,
                             std::int64_t excluding_appointment) override;
    std::vector<guidance::TimeRange> recordedSessionsOverlapping(
        std::int64_t pharmacist_id, const guidance::TimeRange& range) override;
    std::optional<TimePoint> lastCounselled(const std::string& patient_ref,
                                            std::int64_t pharmacist_id) override;
    std::optional<TimePoint> previousVisit(const std::string& patient_ref,
                                           std::int64_t excluding_prescription,
                                           TimePoint before) override;

private:
    std::vector<scheduling::Appointment> query(const std::string& where,
                                               const std::function<void(SQLite::Statement&)>& bind);
    Database& db_;
};

}  // namespace rxdesk::store
