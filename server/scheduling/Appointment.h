#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/Clock.h"
#include "notify/Notification.h"

namespace rxdesk::scheduling {

/// Where an appointment is. Booked and completed appointments occupy the pharmacist's time;
/// cancelled ones do not.
enum class AppointmentStatus {
    Booked,     ///< "booked"
    Completed,  ///< "completed": the guidance record is written
    Cancelled,  ///< "cancelled"
};

std::string_view statusCode(AppointmentStatus status);
std::optional<AppointmentStatus> parseStatus(std::string_view code);

/// How the patient is told about the appointment. Patient data: never logged, never put in
/// an error message or an audit detail.
struct PatientContact {
    notify::Channel channel = notify::Channel::Sms;
    /// Phone number (sms), e-mail address (email) or the messaging integration's recipient
    /// id (webhook).
    std::string address;
};

/// One booked online guidance session between one pharmacist and one patient.
struct Appointment {
    std::int64_t id = 0;
    std::int64_t prescription_id = 0;
    /// The pseudonymous patient id of the prescription (intake::PrescriptionRecord).
    std::string patient_ref;
    /// "Y.T." or empty: what the pharmacist's calendar feed shows.
    std::string patient_initials;
    std::int64_t pharmacist_id = 0;
    TimePoint start{};
    TimePoint end{};
    AppointmentStatus status = AppointmentStatus::Booked;
    /// Incremented by every reschedule and by the cancellation (calendar SEQUENCE).
    int sequence = 0;
    std::optional<PatientContact> contact;
    std::string change_reason;
    std::string cancel_reason;
    /// Set when the pharmacist opened the session (POST …/start).
    std::optional<TimePoint> session_started_at;
    TimePoint created_at{};
    std::string created_by;
    TimePoint updated_at{};

    /// The appointment id as the guidance and notify libraries carry it.
    std::string key() const { return std::to_string(id); }
};

}  // namespace rxdesk::scheduling
