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
    OriginalRecord,     ///< record an original's arrival (scan or not), inquiries, orphans
    OriginalReconcile,  ///< compare by eye, resolve inquiries, attach orphans (pharmacist)
    OriginalRead,       ///< original status, overdue list, orphans
    OriginalChase,      ///< chase letters to clinics for missing originals
    OriginalClinicView,  ///< clinic systems: which of their originals are still awaited
    GuidanceScheduleRead,    ///< pharmacists' guidance schedules
    GuidanceScheduleManage,  ///< set a guidance schedule, issue a calendar feed (own; admin: any)
    GuidanceRead,            ///< guidance slots, appointments, candidates
    GuidanceBook,            ///< book, reschedule, cancel guidance; set the preferred pharmacist
    GuidanceConduct,         ///< join, start and record a guidance session (its pharmacist)
    DrugRead,         ///< drug master and supplement lookups
    DrugEdit,         ///< edit the pharmacy's drug supplement (pharmacist)
    DrugImport,       ///< upload the claims master or the supplement as a whole (admin)
    ShipmentManage,   ///< plan shipments, print labels and notes, B2 export, receipt follow-up
    ParcelCustody,    ///< look up a parcel by its number and record custody events
    ParcelDecision,   ///< decide on a temperature excursion (pharmacist)
    ReportRead,       ///< print and export reports (帳票): pharmacists and admins only
    StaffDirectoryRead,  ///< the pharmacists' names (id + display name only): any signed-in staff
};

std::string_view permissionName(Permission p);

}  // namespace rxdesk::auth
