#include "workflow/PrescriptionLifecycle.h"

#include <array>
#include <string>

namespace rxdesk::workflow {
namespace {

using S = PrescriptionState;
using A = WorkflowAction;

constexpr unsigned kFindingsClear = kNoUnresolvedErrors | kNoPendingInquiry;
constexpr std::optional<S> kStateBeforeHold = std::nullopt;

// clang-format off
constexpr LifecycleTransition kTransitions[] = {
    // from          action                to               guards
    {S::Received,   A::Verify,            S::Verified,     kFindingsClear},
    {S::Received,   A::OpenInquiry,       S::Inquiry,      kNoGuard},
    {S::Received,   A::Hold,              S::OnHold,       kNoGuard},
    {S::Received,   A::Cancel,            S::Cancelled,    kNoGuard},
    {S::Received,   A::MarkMisdirected,   S::Misdirected,  kMisdirectableChannel},

    {S::Verified,   A::Dispense,          S::Dispensed,    kFindingsClear},
    {S::Verified,   A::OpenInquiry,       S::Inquiry,      kNoGuard},
    {S::Verified,   A::Hold,              S::OnHold,       kNoGuard},
    {S::Verified,   A::Cancel,            S::Cancelled,    kNoGuard},
    {S::Verified,   A::MarkMisdirected,   S::Misdirected,  kMisdirectableChannel},

    {S::Inquiry,    A::ResolveInquiry,    S::Received,     kNoGuard},
    {S::Inquiry,    A::Hold,              S::OnHold,       kNoGuard},
    {S::Inquiry,    A::Cancel,            S::Cancelled,    kNoGuard},
    {S::Inquiry,    A::MarkMisdirected,   S::Misdirected,  kMisdirectableChannel},

    {S::Dispensed,  A::RecordGuidance,    S::Guided,       kNoGuard},
    {S::Dispensed,  A::OpenInquiry,       S::Inquiry,      kNoGuard},
    {S::Dispensed,  A::Hold,              S::OnHold,       kNoGuard},
    {S::Dispensed,  A::Cancel,            S::Cancelled,    kNoGuard},

    {S::Guided,     A::HandOver,          S::HandedOver,   kNoGuard},
    {S::Guided,     A::Ship,              S::Shipped,      kDeliveryAllowed},
    {S::Guided,     A::Hold,              S::OnHold,       kNoGuard},
    {S::Guided,     A::Cancel,            S::Cancelled,    kNoGuard},

    {S::HandedOver, A::Complete,          S::Completed,    kDispensingResultRegistered},

    {S::Shipped,    A::ConfirmDelivery,   S::Delivered,    kNoGuard},

    {S::Delivered,  A::Complete,          S::Completed,    kDispensingResultRegistered},

    {S::OnHold,     A::ReleaseHold,       kStateBeforeHold, kNoGuard},
    {S::OnHold,     A::Cancel,            S::Cancelled,    kNoGuard},
    {S::OnHold,     A::MarkMisdirected,   S::Misdirected,  kMisdirectableChannel},
};

struct RolePermission {
    A action;
    bool pharmacist;
    bool clerk;
    bool delivery;
};

// Indexed by the action's value: keep in declaration order.
constexpr std::array<RolePermission, 13> kPermissions{{
    // action               pharmacist clerk  delivery
    {A::Verify,             true,      false, false},
    {A::OpenInquiry,        true,      false, false},
    {A::ResolveInquiry,     true,      false, false},
    {A::Dispense,           true,      false, false},
    {A::RecordGuidance,     true,      false, false},
    {A::HandOver,           true,      true,  false},
    {A::Ship,               true,      true,  false},
    {A::ConfirmDelivery,    true,      true,  true},
    {A::Complete,           true,      true,  false},
    {A::Hold,               true,      true,  false},
    {A::ReleaseHold,        true,      true,  false},
    {A::Cancel,             true,      true,  false},
    {A::MarkMisdirected,    true,      false, false},
}};
// clang-format on

static_assert(
    [] {
        for (size_t i = 0; i < kPermissions.size(); ++i)
            if (kPermissions[i].action != static_cast<A>(i)) return false;
        return true;
    }(),
    "kPermissions must list the actions in declaration order");

std::string quoted(std::string_view text) {
    return "「" + std::string(text) + "」";
}

Refusal conflict(std::string code, std::string reason) {
    return Refusal{ErrorKind::Conflict, std::move(code), std::move(reason)};
}

const LifecycleTransition* findRow(S state, A action) {
    for (const auto& row : kTransitions)
        if (row.from == state && row.action == action) return &row;
    return nullptr;
}

// The first guard of `row` the context fails, in a fixed order so that the reported reason
// is stable (findings before inquiry, as the pharmacist resolves them in that order).
std::optional<Refusal> failedGuard(const LifecycleTransition& row,
                                   const TransitionContext& context) {
    const std::string action = quoted(label(row.action));
    if ((row.guards & kNoUnresolvedErrors) && context.has_unresolved_errors)
        return conflict("unresolved_errors", "未解決のエラー所見があるため" + action +
                                                 "できません。所見を解決してください。");
    if ((row.guards & kNoPendingInquiry) && context.needs_inquiry)
        return conflict("inquiry_required",
                        "疑義照会が必要です。疑義照会を完了するまで" + action + "できません。");
    if ((row.guards & kDeliveryAllowed) && context.delivery_forbidden)
        return conflict("delivery_not_allowed",
                        "この処方箋の薬剤は配送できません。薬局での対面交付が必要です。");
    if ((row.guards & kDispensingResultRegistered) && context.channel == Channel::Eprescription &&
        !context.dispensing_result_registered)
        return conflict("dispensing_result_not_registered",
                        "電子処方箋の調剤結果が未登録のため完了できません。");
    if ((row.guards & kMisdirectableChannel) && !canBeMisdirected(context.channel))
        return conflict(
            "not_misdirectable",
            quoted(label(context.channel)) + "で受け付けた処方箋は誤送信として登録できません。");
    return std::nullopt;
}

}  // namespace

std::span<const LifecycleTransition> PrescriptionLifecycle::transitions() {
    return kTransitions;
}

TransitionOutcome<PrescriptionState> PrescriptionLifecycle::transition(
    PrescriptionState state, WorkflowAction action, const TransitionContext& context) {
    if (isTerminal(state))
        return conflict("state_terminal",
                        quoted(label(state)) + "の処方箋はこれ以上変更できません。");
    const LifecycleTransition* row = findRow(state, action);
    if (row == nullptr)
        return conflict("illegal_transition", quoted(label(state)) + "の処方箋に" +
                                                  quoted(label(action)) + "は行えません。");
    if (auto refusal = failedGuard(*row, context)) return *refusal;
    if (row->to) return *row->to;

    // Only states that can be put on hold are valid origins; anything else means the stored
    // held_from is missing or corrupt, and guessing would skip or repeat steps.
    if (!context.held_from || context.held_from == S::OnHold ||
        findRow(*context.held_from, A::Hold) == nullptr)
        return conflict("hold_origin_unknown", "保留前の状態が不明なため保留を解除できません。");
    return *context.held_from;
}

bool PrescriptionLifecycle::mayPerform(StaffRole role, WorkflowAction action) {
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

TransitionOutcome<PrescriptionState> PrescriptionLifecycle::decide(
    PrescriptionState state, WorkflowAction action, StaffRole role,
    const TransitionContext& context) {
    if (!mayPerform(role, action))
        return Refusal{ErrorKind::Forbidden, "role_not_permitted",
                       quoted(label(role)) + "は" + quoted(label(action)) + "を行えません。"};
    return transition(state, action, context);
}

std::vector<WorkflowAction> PrescriptionLifecycle::availableActions(
    PrescriptionState state, StaffRole role, const TransitionContext& context) {
    std::vector<WorkflowAction> actions;
    for (WorkflowAction action : allWorkflowActions())
        if (decide(state, action, role, context).accepted()) actions.push_back(action);
    return actions;
}

}  // namespace rxdesk::workflow
