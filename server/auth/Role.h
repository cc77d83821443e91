#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rxdesk::auth {

/// Staff roles.
enum class Role { Pharmacist, Clerk, Delivery, Admin };

/// "pharmacist", "clerk", "delivery", "admin".
std::string_view roleName(Role role);
std::optional<Role> parseRole(std::string_view name);
/// 薬剤師, 事務, 配送担当, 管理者.
std::string_view roleLabel(Role role);

/// Kinds of API client.
enum class ClientKind { Clinic, FaxGateway };

std::string_view clientKindName(ClientKind kind);
std::optional<ClientKind> parseClientKind(std::string_view name);

}  // namespace rxdesk::auth
