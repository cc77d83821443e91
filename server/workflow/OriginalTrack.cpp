#include "workflow/OriginalTrack.h"

#include <array>
#include <string>

namespace rxdesk::workflow {
namespace {

using S = OriginalState;
using A = OriginalAction;

// clang-format off
constexpr OriginalTransition kTransitions[] = {
    // from           action                to
    {S::Awaiting,   A::RecordArrival,     S::Arrived},
    {S::Arrived,    A::RecordMatch,       S::Matched},
    {S::Arrived,    A::RecordMismatch,    S::Mismatched},
    {S::Mismatched, A::ResolveMismatch,   S::Resolved},
};

struct RolePermission {
    A action;
    bool pharmacist;
    bool clerk;
    bool delivery;
};

// Indexed by the action's value: keep in declaration order.
constexpr std::array<RolePermission, 4> kPermissions{{
    // action               pharmacist clerk  delivery
    {A::RecordArrival,      true,      true,  false},
    {A::RecordMatch,        true,      true,  false},
    {A::RecordMismatch,     true,      true,  false},
    {A::ResolveMismatch,    true,      false, false},
}};
// clang-format on

std::string quoted(std::string_view text) {
    return "「" + std::string(text) + "」";
}

Refusal conflict(std::string code, std::string reason) {
    return Refusal{ErrorKind::Conflict, std::move(code), std::move(reason)};
}

}  // namespace

std::optional<OriginalState> OriginalTrack::initialState(Channel channel) {
    if (!expectsMailedOriginal(channel)) return std::nullopt;
    return S::Awaiting;
}

std::span<const OriginalTransition> OriginalTrack::transitions() {
    return kTransitions;
}

TransitionOutcome<OriginalState> OriginalTrack::transition(OriginalState state,
                                                           OriginalAction action, Channel channel) {
    if (!expectsMailedOriginal(channel))
        return conflict("original_not_applicable",
                        quoted(label(channel)) + "で受け付けた処方箋には原本の管理がありません。");
    if (isTerminal(state))
        return conflict("state_terminal",
                        "原本は" + quoted(label(state)) + "のため、これ以上変更できません。");
    for (const auto& row : kTransitions)
        if (row.from == state && row.action == action) return row.to;
    return conflict("illegal_transition", "原本が" + quoted(label(state)) + "の状態では" +
                                              quoted(label(action)) + "は行えません。");
}

bool OriginalTrack::mayPerform(StaffRole role, OriginalAction action) {
    const RolePermission& p = kPermissions[static_cast<size_t>(action)];
    switch (role) {
        case StaffRole::Pharmacist:
            return p.pharmacist;
        case StaffRole::Clerk:
            return p.clerk;
        case StaffRole::Delivery:
            return p.delivery;
    }
    return false;
}

TransitionOutcome<OriginalState> OriginalTrack::decide(OriginalState state, OriginalAction action,
                                                       StaffRole role, Channel channel) {
    if (!mayPerform(role, action))
        return Refusal{ErrorKind::Forbidden, "role_not_permitted",
                       quoted(label(role)) + "は" + quoted(label(action)) + "を行えません。"};
    return transition(state, action, channel);
}

}  // namespace rxdesk::workflow
