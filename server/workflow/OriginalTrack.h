#pragma once

#include <optional>
#include <span>
#include <vector>

#include "workflow/Channel.h"
#include "workflow/OriginalAction.h"
#include "workflow/OriginalState.h"
#include "workflow/StaffRole.h"
#include "workflow/TransitionOutcome.h"

namespace rxdesk::workflow {

/// One row of the original track's transition table.
struct OriginalTransition {
    OriginalState from;
    OriginalAction action;
    OriginalState to;
};

/// The original (原本) track of a prescription, parallel to its lifecycle:
///
///   awaiting ─record_arrival→ arrived ─record_match→ matched
///                             arrived ─record_mismatch→ mismatched ─resolve_mismatch→ resolved
///
/// Only channels whose paper original is mailed later (fax, clinic_api) have the track;
/// e-prescriptions have no paper and walk-ins bring the original with them. The track does
/// not gate the lifecycle: the pharmacy dispenses on the copy and the original may arrive
/// after hand-over. Overdue originals are watched by OverdueCalculator instead.
class OriginalTrack {
public:
    /// awaiting for channels that expect a mailed original, nullopt (no track) otherwise.
    static std::optional<OriginalState> initialState(Channel channel);

    /// The transition table, one row per legal (state, action) pair.
    static std::span<const OriginalTransition> transitions();

    /// The state after `action`, or a Conflict refusal: "original_not_applicable" (channel
    /// has no original), "state_terminal" (matched/resolved) or "illegal_transition".
    static TransitionOutcome<OriginalState> transition(OriginalState state, OriginalAction action,
                                                       Channel channel);

    /// Role table: pharmacists and clerks record arrival and the comparison's result; only
    /// a pharmacist resolves a mismatch (it may need an inquiry to the prescriber); delivery
    /// staff take no step.
    static bool mayPerform(StaffRole role, OriginalAction action);

    /// The role check (Forbidden, "role_not_permitted"), then transition().
    static TransitionOutcome<OriginalState> decide(OriginalState state, OriginalAction action,
                                                   StaffRole role, Channel channel);

    /// The step that records a reconciliation's outcome: record_match when nothing differs,
    /// record_mismatch otherwise.
    static OriginalAction actionForComparison(bool matched) {
        return matched ? OriginalAction::RecordMatch : OriginalAction::RecordMismatch;
    }
};

}  // namespace rxdesk::workflow
