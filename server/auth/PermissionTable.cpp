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
        Permission::Public,       Permission::OwnSession,  Permission::UserManage,
        Permission::ClientManage, Permission::AuditVerify, Permission::MetricsRead};
    return permissions;
}

}  // namespace rxdesk::auth
