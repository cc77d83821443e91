#include "intake/StaffRoles.h"

namespace rxdesk::intake {

std::optional<workflow::StaffRole> staffRoleOf(const auth::Principal& p) {
    if (!p.isUser() || !p.role) return std::nullopt;
    switch (*p.role) {
        case auth::Role::Pharmacist: return workflow::StaffRole::Pharmacist;
        case auth::Role::Clerk: return workflow::StaffRole::Clerk;
        case auth::Role::Delivery: return workflow::StaffRole::Delivery;
        case auth::Role::Admin: return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace rxdesk::intake
