#include "auth/PermissionTable.h"

#include <algorithm>
#include <initializer_list>

namespace rxdesk::auth {
namespace {

struct Grant {
    Permission permission;
    std::initializer_list<Role> roles;
    std::initializer_list<ClientKind> clients;
};

// Read a row as: this permission is held by these staff roles and these API clients.
const Grant kGrants[] = {
    {Permission::OwnSession, {Role::Pharmacist, Role::Clerk, Role::Delivery, Role::Admin}, {}},
    {Permission::UserManage, {Role::Admin}, {}},
    {Permission::ClientManage, {Role::Admin}, {}},
    {Permission::AuditVerify, {Role::Admin}, {}},
    {Permission::MetricsRead, {Role::Admin}, {}},
    {Permission::FaxUpload, {}, {ClientKind::FaxGateway}},
    {Permission::ClinicSubmit, {}, {ClientKind::Clinic}},
    {Permission::ScanUpload, {Role::Pharmacist, Role::Clerk}, {}},
    {Permission::PrescriptionRead, {Role::Pharmacist, Role::Clerk}, {}},
    {Permission::PrescriptionView, {Role::Pharmacist, Role::Clerk}, {ClientKind::Clinic}},
    {Permission::PrescriptionEdit, {Role::Pharmacist, Role::Clerk}, {}},
    {Permission::PrescriptionVerify, {Role::Pharmacist}, {}},
    {Permission::EPrescriptionRetrieve, {Role::Pharmacist, Role::Clerk}, {}},
    {Permission::ClinicRead, {Role::Pharmacist, Role::Clerk, Role::Admin}, {}},
    {Permission::ClinicManage, {Role::Pharmacist, Role::Admin}, {}},
    {Permission::OriginalRecord, {Role::Pharmacist, Role::Clerk}, {}},
    {Permission::OriginalReconcile, {Role::Pharmacist}, {}},
    {Permission::OriginalRead, {Role::Pharmacist, Role::Clerk}, {}},
    {Permission::OriginalChase, {Role::Pharmacist, Role::Clerk}, {}},
    {Permission::OriginalClinicView, {}, {ClientKind::Clinic}},
    {Permission::GuidanceScheduleRead, {Role::Pharmacist, Role::Clerk, Role::Admin}, {}},
    {Permission::GuidanceScheduleManage, {Role::Pharmacist, Role::Admin}, {}},
    {Permission::GuidanceRead, {Role::Pharmacist, Role::Clerk}, {}},
    {Permission::GuidanceBook, {Role::Pharmacist, Role::Clerk}, {}},
    {Permission::GuidanceConduct, {Role::Pharmacist}, {}},
    {Permission::DrugRead, {Role::Pharmacist, Role::Clerk, Role::Admin}, {}},
    {Permission::DrugEdit, {Role::Pharmacist}, {}},
    {Permission::DrugImport, {Role::Admin}, {}},
    {Permission::ShipmentManage, {Role::Pharmacist, Role::Clerk}, {}},
    {Permission::ParcelCustody, {Role::Pharmacist, Role::Clerk, Role::Delivery}, {}},
    {Permission::ParcelDecision, {Role::Pharmacist}, {}},
    {Permission::ReportRead, {Role::Pharmacist, Role::Admin}, {}},
    {Permission::StaffDirectoryRead,
     {Role::Pharmacist, Role::Clerk, Role::Delivery, Role::Admin},
     {}},
};

}  // namespace

std::string_view permissionName(Permission p) {
    switch (p) {
        case Permission::Public: return "public";
        case Permission::OwnSession: return "own_session";
        case Permission::UserManage: return "user_manage";
        case Permission::ClientManage: return "client_manage";
        case Permission::AuditVerify: return "audit_verify";
        case Permission::MetricsRead: return "metrics_read";
        case Permission::FaxUpload: return "fax_upload";
        case Permission::ClinicSubmit: return "clinic_submit";
        case Permission::ScanUpload: return "scan_upload";
        case Permission::PrescriptionRead: return "prescription_read";
        case Permission::PrescriptionView: return "prescription_view";
        case Permission::PrescriptionEdit: return "prescription_edit";
        case Permission::PrescriptionVerify: return "prescription_verify";
        case Permission::EPrescriptionRetrieve: return "eprescription_retrieve";
        case Permission::ClinicRead: return "clinic_read";
        case Permission::ClinicManage: return "clinic_manage";
        case Permission::OriginalRecord: return "original_record";
        case Permission::OriginalReconcile: return "original_reconcile";
        case Permission::OriginalRead: return "original_read";
        case Permission::OriginalChase: return "original_chase";
        case Permission::OriginalClinicView: return "original_clinic_view";
        case Permission::GuidanceScheduleRead: return "guidance_schedule_read";
        case Permission::GuidanceScheduleManage: return "guidance_schedule_manage";
        case Permission::GuidanceRead: return "guidance_read";
        case Permission::GuidanceBook: return "guidance_book";
        case Permission::GuidanceConduct: return "guidance_conduct";
        case Permission::DrugRead: return "drug_read";
        case Permission::DrugEdit: return "drug_edit";
        case Permission::DrugImport: return "drug_import";
        case Permission::ShipmentManage: return "shipment_manage";
        case Permission::ParcelCustody: return "parcel_custody";
        case Permission::ParcelDecision: return "parcel_decision";
        case Permission::ReportRead: return "report_read";
        case Permission::StaffDirectoryRead: return "staff_directory_read";
    }
    return "";
}

bool PermissionTable::allows(const Principal& principal, Permission permission) {
    if (permission == Permission::Public) return true;
    for (const Grant& grant : kGrants) {
        if (grant.permission != permission) continue;
        if (principal.isUser() && principal.role)
            return std::find(grant.roles.begin(), grant.roles.end(), *principal.role) !=
                   grant.roles.end();
        if (principal.isClient() && principal.client_kind)
            return std::find(grant.clients.begin(), grant.clients.end(),
                             *principal.client_kind) != grant.clients.end();
        return false;
    }
    return false;
}

const std::vector<Permission>& PermissionTable::all() {
    static const std::vector<Permission> permissions{
        Permission::Public,           Permission::OwnSession,         Permission::UserManage,
        Permission::ClientManage,     Permission::AuditVerify,        Permission::MetricsRead,
        Permission::FaxUpload,        Permission::ClinicSubmit,       Permission::ScanUpload,
        Permission::PrescriptionRead, Permission::PrescriptionView,   Permission::PrescriptionEdit,
        Permission::PrescriptionVerify, Permission::EPrescriptionRetrieve, Permission::ClinicRead,
        Permission::ClinicManage,
        Permission::OriginalRecord,   Permission::OriginalReconcile,  Permission::OriginalRead,
        Permission::OriginalChase,    Permission::OriginalClinicView,
        Permission::GuidanceScheduleRead, Permission::GuidanceScheduleManage, Permission::GuidanceRead,
        Permission::GuidanceBook, Permission::GuidanceConduct,
        Permission::DrugRead, Permission::DrugEdit, Permission::DrugImport, Permission::ShipmentManage,
        Permission::ParcelCustody, Permission::ParcelDecision,
        Permission::ReportRead,
        Permission::StaffDirectoryRead};
    return permissions;
}

}  // namespace rxdesk::auth
