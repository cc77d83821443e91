#include "workflow/WorkflowAction.h"

#include <array>

namespace rxdesk::workflow {
namespace {

using A = WorkflowAction;

struct ActionInfo {
    A action;
    std::string_view name;
    std::string_view label;
};

// Indexed by the enum's value: keep in declaration order.
constexpr std::array<ActionInfo, 13> kActions{{
    {A::Verify, "verify", "監査"},
    {A::OpenInquiry, "open_inquiry", "疑義照会開始"},
    {A::ResolveInquiry, "resolve_inquiry", "疑義照会完了"},
    {A::Dispense, "dispense", "調剤"},
    {A::RecordGuidance, "record_guidance", "服薬指導記録"},
    {A::HandOver, "hand_over", "交付"},
    {A::Ship, "ship", "発送"},
    {A::ConfirmDelivery, "confirm_delivery", "受取確認"},
    {A::Complete, "complete", "完了"},
    {A::Hold, "hold", "保留"},
    {A::ReleaseHold, "release_hold", "保留解除"},
    {A::Cancel, "cancel", "取消"},
    {A::MarkMisdirected, "mark_misdirected", "誤送信登録"},
}};

static_assert(
    [] {
        for (size_t i = 0; i < kActions.size(); ++i)
            if (static_cast<size_t>(kActions[i].action) != i) return false;
        return true;
    }(),
    "kActions must be in declaration order");

constexpr auto kAll = [] {
    std::array<A, kActions.size()> all{};
    for (size_t i = 0; i < kActions.size(); ++i) all[i] = kActions[i].action;
    return all;
}();

const ActionInfo& info(A action) {
    return kActions[static_cast<size_t>(action)];
}

}  // namespace

std::span<const WorkflowAction> allWorkflowActions() {
    return kAll;
}

std::string_view name(WorkflowAction action) {
    return info(action).name;
}

std::string_view label(WorkflowAction action) {
    return info(action).label;
}

std::optional<WorkflowAction> parseWorkflowAction(std::string_view text) {
    for (const auto& a : kActions)
        if (a.name == text) return a.action;
    return std::nullopt;
}

}  // namespace rxdesk::workflow
