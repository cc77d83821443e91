#include "scheduling/Appointment.h"

namespace rxdesk::scheduling {

std::string_view statusCode(AppointmentStatus status) {
    switch (status) {
        case AppointmentStatus::Booked:
            return "booked";
        case AppointmentStatus::Completed:
            return "completed";
        case AppointmentStatus::Cancelled:
            return "cancelled";
    }
    return "booked";
}

std::optional<AppointmentStatus> parseStatus(std::string_view code) {
    if (code == "booked") return AppointmentStatus::Booked;
    if (code == "completed") return AppointmentStatus::Completed;
    if (code == "cancelled") return AppointmentStatus::Cancelled;
    return std::nullopt;
}

}  // namespace rxdesk::scheduling
