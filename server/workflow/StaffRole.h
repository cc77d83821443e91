#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace rxdesk::workflow {

/// The role under which a staff member acts on a prescription. Stable API identifiers.
enum class StaffRole {
    Pharmacist,  ///< "pharmacist" 薬剤師
    Clerk,       ///< "clerk" 事務
    Delivery,    ///< "delivery" 配送担当
};

/// All roles, in declaration order.
std::span<const StaffRole> allStaffRoles();

/// The stable snake_case identifier.
std::string_view name(StaffRole role);

/// Japanese label for the UI (薬剤師, 事務, 配送担当).
std::string_view label(StaffRole role);

/// Parses a stable identifier; nullopt for anything else.
std::optional<StaffRole> parseStaffRole(std::string_view text);

}  // namespace rxdesk::workflow
