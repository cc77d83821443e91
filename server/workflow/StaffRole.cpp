#include "workflow/StaffRole.h"

#include <array>

namespace rxdesk::workflow {
namespace {

struct RoleInfo {
    StaffRole role;
    std::string_view name;
    std::string_view label;
};

constexpr std::array<RoleInfo, 3> kRoles{{
    {StaffRole::Pharmacist, "pharmacist", "薬剤師"},
    {StaffRole::Clerk, "clerk", "事務"},
    {StaffRole::Delivery, "delivery", "配送担当"},
}};

constexpr std::array<StaffRole, 3> kAll{StaffRole::Pharmacist, StaffRole::Clerk,
                                        StaffRole::Delivery};

}  // namespace

std::span<const StaffRole> allStaffRoles() {
    return kAll;
}

std::string_view name(StaffRole role) {
    return kRoles[static_cast<size_t>(role)].name;
}

std::string_view label(StaffRole role) {
    return kRoles[static_cast<size_t>(role)].label;
}

std::optional<StaffRole> parseStaffRole(std::string_view text) {
    for (const auto& r : kRoles)
        if (r.name == text) return r.role;
    return std::nullopt;
}

}  // namespace rxdesk::workflow
