#pragma once

#include <string_view>

namespace rxdesk::auth {

/// Everything a route may require. Which principals hold which permission is decided in
/// one place: PermissionTable.
enum class Permission {
    Public,          ///< anyone, even anonymous (health checks, login)
    OwnSession,      ///< any signed-in staff member: own session, own password
    UserManage,      ///< list/add/disable users, reset TOTP
    ClientManage,    ///< list/add/revoke API clients
    AuditVerify,     ///< verify the audit chain
    MetricsRead,     ///< Prometheus metrics
    FaxUpload,       ///< fax gateways: POST received faxes
    ClinicSubmit,    ///< clinic systems: push prescriptions
    ScanUpload,      ///< staff: scan paper brought to the counter
    PrescriptionRead,     ///< the queue, pages, timeline
    PrescriptionView,     ///< one prescription (clinics: only their own, status only)
    PrescriptionEdit,     ///< enter/correct content, lifecycle steps, misdirected, duplicates
    PrescriptionVerify,   ///< decide on findings (pharmacist's judgement)
    EPrescriptionRetrieve,  ///< fetch an e-prescription with its exchange number
    ClinicRead,      ///< the clinic registry
    ClinicManage,    ///< add clinics and their fax numbers
    GuidanceScheduleRead,    ///< pharmacists' guidance schedules
    GuidanceScheduleManage,  ///< set a guidance schedule, issue a calendar feed (own; admin: any)
    GuidanceRead,            ///< guidance slots, appointments, candidates
    GuidanceBook,            ///< book, reschedule, cancel guidance; set the preferred pharmacist
    GuidanceConduct,         ///< join, start and record a guidance session (its pharmacist)
};

std::string_view permissionName(Permission p);

}  // namespace rxdesk::auth
