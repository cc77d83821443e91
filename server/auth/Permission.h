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
};

std::string_view permissionName(Permission p);

}  // namespace rxdesk::auth
