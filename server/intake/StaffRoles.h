#pragma once

#include <optional>

#include "auth/Principal.h"
#include "workflow/StaffRole.h"

namespace rxdesk::intake {

/// The role under which a signed-in staff member acts on prescriptions; nullopt for admins,
/// API clients and the system (they take no lifecycle steps).
std::optional<workflow::StaffRole> staffRoleOf(const auth::Principal& principal);

}  // namespace rxdesk::intake
