#include <gtest/gtest.h>

#include "auth/PermissionTable.h"

using namespace rxdesk::auth;

namespace {

Principal user(Role role) {
    Principal p;
    p.kind = Principal::Kind::User;
    p.id = 1;
    p.role = role;
    return p;
}

Principal client(ClientKind kind) {
    Principal p;
    p.kind = Principal::Kind::Client;
    p.id = 1;
    p.client_kind = kind;
    return p;
}

}  // namespace

TEST(PermissionTable, GrantsExactlyTheTable) {
    struct Case {
        Permission permission;
        bool pharmacist, clerk, delivery, admin, clinic, fax, anonymous;
    } cases[] = {
        {Permission::Public, true, true, true, true, true, true, true},
        {Permission::OwnSession, true, true, true, true, false, false, false},
        {Permission::UserManage, false, false, false, true, false, false, false},
        {Permission::ClientManage, false, false, false, true, false, false, false},
        {Permission::AuditVerify, false, false, false, true, false, false, false},
        {Permission::MetricsRead, false, false, false, true, false, false, false},
        {Permission::FaxUpload, false, false, false, false, false, true, false},
        {Permission::ClinicSubmit, false, false, false, false, true, false, false},
        {Permission::ScanUpload, true, true, false, false, false, false, false},
        {Permission::PrescriptionRead, true, true, false, false, false, false, false},
        {Permission::PrescriptionView, true, true, false, false, true, false, false},
        {Permission::PrescriptionEdit, true, true, false, false, false, false, false},
        {Permission::PrescriptionVerify, true, false, false, false, false, false, false},
        {Permission::EPrescriptionRetrieve, true, true, false, false, false, false, false},
        {Permission::ClinicRead, true, true, false, true, false, false, false},
        {Permission::ClinicManage, true, false, false, true, false, false, false},
        {Permission::OriginalRecord, true, true, false, false, false, false, false},
        {Permission::OriginalReconcile, true, false, false, false, false, false, false},
        {Permission::OriginalRead, true, true, false, false, false, false, false},
        {Permission::OriginalChase, true, true, false, false, false, false, false},
        {Permission::OriginalClinicView, false, false, false, false, true, false, false},
        {Permission::GuidanceScheduleRead, true, true, false, true, false, false, false},
        {Permission::GuidanceScheduleManage, true, false, false, true, false, false, false},
        {Permission::GuidanceRead, true, true, false, false, false, false, false},
        {Permission::GuidanceBook, true, true, false, false, false, false, false},
        {Permission::GuidanceConduct, true, false, false, false, false, false, false},
        {Permission::DrugRead, true, true, false, true, false, false, false},
        {Permission::DrugEdit, true, false, false, false, false, false, false},
        {Permission::DrugImport, false, false, false, true, false, false, false},
        {Permission::ShipmentManage, true, true, false, false, false, false, false},
        {Permission::ParcelCustody, true, true, true, false, false, false, false},
        {Permission::ParcelDecision, true, false, false, false, false, false, false},
        {Permission::ReportRead, true, false, false, true, false, false, false},
        {Permission::StaffDirectoryRead, true, true, true, true, false, false, false},
    };
    ASSERT_EQ(std::size(cases), PermissionTable::all().size()) << "every permission has a row";
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(permissionName(c.permission)));
        EXPECT_EQ(PermissionTable::allows(user(Role::Pharmacist), c.permission), c.pharmacist);
        EXPECT_EQ(PermissionTable::allows(user(Role::Clerk), c.permission), c.clerk);
        EXPECT_EQ(PermissionTable::allows(user(Role::Delivery), c.permission), c.delivery);
        EXPECT_EQ(PermissionTable::allows(user(Role::Admin), c.permission), c.admin);
        EXPECT_EQ(PermissionTable::allows(client(ClientKind::Clinic), c.permission), c.clinic);
        EXPECT_EQ(PermissionTable::allows(client(ClientKind::FaxGateway), c.permission), c.fax);
        EXPECT_EQ(PermissionTable::allows(Principal::anonymous(), c.permission), c.anonymous);
        EXPECT_EQ(PermissionTable::allows(Principal::system("cli"), c.permission), c.anonymous);
    }
}

TEST(Principal, ActorNamesAreStable) {
    EXPECT_EQ(user(Role::Clerk).actor(), "user:1");
    EXPECT_EQ(client(ClientKind::Clinic).actor(), "client:1");
    EXPECT_EQ(Principal::system("cli").actor(), "system:cli");
    EXPECT_EQ(Principal::anonymous().actor(), "anonymous");
}
