#include "auth/Role.h"

namespace rxdesk::auth {

std::string_view roleName(Role role) {
    switch (role) {
        case Role::Pharmacist: return "pharmacist";
        case Role::Clerk: return "clerk";
        case Role::Delivery: return "delivery";
        case Role::Admin: return "admin";
    }
    return "";
}

std::optional<Role> parseRole(std::string_view name) {
    for (Role r : {Role::Pharmacist, Role::Clerk, Role::Delivery, Role::Admin})
        if (roleName(r) == name) return r;
    return std::nullopt;
}

std::string_view roleLabel(Role role) {
    switch (role) {
        case Role::Pharmacist: return "薬剤師";
        case Role::Clerk: return "事務";
        case Role::Delivery: return "配送担当";
        case Role::Admin: return "管理者";
    }
    return "";
}

std::string_view clientKindName(ClientKind kind) {
    return kind == ClientKind::Clinic ? "clinic" : "fax_gateway";
}

std::optional<ClientKind> parseClientKind(std::string_view name) {
    if (name == "clinic") return ClientKind::Clinic;
    if (name == "fax_gateway") return ClientKind::FaxGateway;
    return std::nullopt;
}

}  // namespace rxdesk::auth
