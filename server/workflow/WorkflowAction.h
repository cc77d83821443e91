#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace rxdesk::workflow {

/// A step a staff member asks the prescription lifecycle to take. The snake_case names are
/// stable API identifiers (e.g. POST /prescriptions/{id}/actions/{name}).
enum class WorkflowAction {
    Verify,           ///< "verify" 監査
    OpenInquiry,      ///< "open_inquiry" 疑義照会開始
    ResolveInquiry,   ///< "resolve_inquiry" 疑義照会完了
    Dispense,         ///< "dispense" 調剤
    RecordGuidance,   ///< "record_guidance" 服薬指導記録
    HandOver,         ///< "hand_over" 交付
    Ship,             ///< "ship" 発送
    ConfirmDelivery,  ///< "confirm_delivery" 受取確認
    Complete,         ///< "complete" 完了
    Hold,             ///< "hold" 保留
    ReleaseHold,      ///< "release_hold" 保留解除
    Cancel,           ///< "cancel" 取消
    MarkMisdirected,  ///< "mark_misdirected" 誤送信登録
};

/// All actions, in declaration order.
std::span<const WorkflowAction> allWorkflowActions();

/// The stable snake_case identifier, e.g. "open_inquiry".
std::string_view name(WorkflowAction action);

/// Japanese label for buttons and messages, e.g. 「疑義照会開始」.
std::string_view label(WorkflowAction action);

/// Parses a stable identifier; nullopt for anything else (case-sensitive).
std::optional<WorkflowAction> parseWorkflowAction(std::string_view text);

}  // namespace rxdesk::workflow
