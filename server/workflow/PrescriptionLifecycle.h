#pragma once

#include <optional>
#include <span>
#include <vector>

#include "workflow/Channel.h"
#include "workflow/PrescriptionState.h"
#include "workflow/StaffRole.h"
#include "workflow/TransitionOutcome.h"
#include "workflow/WorkflowAction.h"

namespace rxdesk::workflow {

/// Facts about one prescription that the lifecycle's guards depend on. The caller derives
/// them from the stored prescription, its rule findings and its inquiry records; the
/// lifecycle itself stores nothing.
struct TransitionContext {
    Channel channel = Channel::Fax;
    /// Error-severity findings that are neither fixed nor overridden by a pharmacist.
    /// Blocks verify and dispense.
    bool has_unresolved_errors = false;
    /// A finding requires an inquiry to the prescriber (疑義照会) that has not been answered.
    /// Blocks verify and dispense; open_inquiry is the way forward.
    bool needs_inquiry = false;
    /// The medicine must be handed over in person (e.g. emergency contraception taken in
    /// front of the pharmacist). Blocks ship.
    bool delivery_forbidden = false;
    /// For e-prescriptions: the dispensing result (調剤結果) has been registered with the
    /// national service. Ignored for other channels. Blocks complete when false.
    bool dispensing_result_registered = false;
    /// The state the prescription was in when it was put on hold; required by release_hold,
    /// which returns to it. The store persists it alongside the on_hold state.
    std::optional<PrescriptionState> held_from;
};

/// Conditions a transition row may require of the context (bit flags).
enum LifecycleGuard : unsigned {
    kNoGuard = 0,
    kNoUnresolvedErrors = 1u << 0,
    kNoPendingInquiry = 1u << 1,
    kDeliveryAllowed = 1u << 2,
    kDispensingResultRegistered = 1u << 3,
    kMisdirectableChannel = 1u << 4,
};

/// One row of the transition table. `to == nullopt` means "back to context.held_from".
struct LifecycleTransition {
    PrescriptionState from;
    WorkflowAction action;
    std::optional<PrescriptionState> to;
    unsigned guards;
};

/// The prescription lifecycle as an explicit, pure state machine.
///
///   received ─verify→ verified ─dispense→ dispensed ─record_guidance→ guided
///   guided ─hand_over→ handed_over ─complete→ completed
///   guided ─ship→ shipped ─confirm_delivery→ delivered ─complete→ completed
///   received|verified|dispensed ─open_inquiry→ inquiry ─resolve_inquiry→ received
///   received…guided ─hold→ on_hold ─release_hold→ (the state it was held from)
///   received…guided, on_hold ─cancel→ cancelled
///   received|verified|inquiry|on_hold ─mark_misdirected→ misdirected (fax, clinic_api only)
///
/// resolve_inquiry returns to received, not verified: the prescriber's answer may change the
/// prescription, so it is checked again before dispensing.
class PrescriptionLifecycle {
public:
    /// The state of a newly registered prescription: received.
    static PrescriptionState initialState() { return PrescriptionState::Received; }

    /// The transition table, one row per legal (state, action) pair.
    static std::span<const LifecycleTransition> transitions();

    /// The state after `action` in `state`, or a Conflict refusal:
    /// "state_terminal" (state is completed/cancelled/misdirected), "illegal_transition"
    /// (no row for the pair), or a guard's code: "unresolved_errors", "inquiry_required",
    /// "delivery_not_allowed", "dispensing_result_not_registered", "not_misdirectable",
    /// "hold_origin_unknown" (release_hold without a valid context.held_from).
    /// Does not check the role; see decide().
    static TransitionOutcome<PrescriptionState> transition(PrescriptionState state,
                                                           WorkflowAction action,
                                                           const TransitionContext& context);

    /// Whether `role` may take `action` at all (the role table): verify, inquiries, dispense,
    /// guidance and mark_misdirected are pharmacist-only; delivery staff may only confirm
    /// delivery.
    static bool mayPerform(StaffRole role, WorkflowAction action);

    /// The role check, then transition(). A role refusal has kind Forbidden and code
    /// "role_not_permitted".
    static TransitionOutcome<PrescriptionState> decide(PrescriptionState state,
                                                       WorkflowAction action, StaffRole role,
                                                       const TransitionContext& context);

    /// The actions `role` can take now (decide() would accept), in declaration order: what
    /// the counter UI offers as buttons.
    static std::vector<WorkflowAction> availableActions(PrescriptionState state, StaffRole role,
                                                        const TransitionContext& context);
};

}  // namespace rxdesk::workflow
