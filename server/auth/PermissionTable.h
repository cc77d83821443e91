#pragma once

#include <vector>

#include "auth/Permission.h"
#include "auth/Principal.h"

namespace rxdesk::auth {

/// The one place that decides who may do what.
class PermissionTable {
public:
    /// True when `principal` holds `permission`. Data-level scoping (a clinic sees only its
    /// own prescriptions) is checked by the service on top of this.
    static bool allows(const Principal& principal, Permission permission);

    /// Every permission, for tests that walk the whole table.
    static const std::vector<Permission>& all();
};

}  // namespace rxdesk::auth
