#pragma once

#include <utility>
#include <variant>

#include "workflow/Refusal.h"

namespace rxdesk::workflow {

/// The result of asking a state machine to take a step: either the new state or a refusal.
template <typename State>
class TransitionOutcome {
public:
    TransitionOutcome(State next) : value_(next) {}
    TransitionOutcome(Refusal refusal) : value_(std::move(refusal)) {}

    /// True when the step is allowed.
    bool accepted() const { return std::holds_alternative<State>(value_); }
    explicit operator bool() const { return accepted(); }

    /// The state after the step. Precondition: accepted() (throws std::bad_variant_access).
    State state() const { return std::get<State>(value_); }

    /// Why the step was refused. Precondition: !accepted() (throws std::bad_variant_access).
    const Refusal& refusal() const { return std::get<Refusal>(value_); }

private:
    std::variant<State, Refusal> value_;
};

}  // namespace rxdesk::workflow
