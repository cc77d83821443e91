#include "workflow/OriginalState.h"

#include <array>

namespace rxdesk::workflow {
namespace {

using S = OriginalState;

struct StateInfo {
    S state;
    std::string_view name;
    std::string_view label;
    bool terminal;
};

// Indexed by the enum's value: keep in declaration order.
constexpr std::array<StateInfo, 5> kStates{{
    {S::Awaiting, "awaiting", "原本未着", false},
    {S::Arrived, "arrived", "原本到着", false},
    {S::Matched, "matched", "照合一致", true},
    {S::Mismatched, "mismatched", "照合不一致", false},
    {S::Resolved, "resolved", "解決済", true},
}};

constexpr std::array<S, 5> kAll{S::Awaiting, S::Arrived, S::Matched, S::Mismatched, S::Resolved};

const StateInfo& info(S state) {
    return kStates[static_cast<size_t>(state)];
}

}  // namespace

std::span<const OriginalState> allOriginalStates() {
    return kAll;
}

std::string_view name(OriginalState state) {
    return info(state).name;
}

std::string_view label(OriginalState state) {
    return info(state).label;
}

std::optional<OriginalState> parseOriginalState(std::string_view text) {
    for (const auto& s : kStates)
        if (s.name == text) return s.state;
    return std::nullopt;
}

bool isTerminal(OriginalState state) {
    return info(state).terminal;
}

}  // namespace rxdesk::workflow
