#include "workflow/OriginalAction.h"

#include <array>

namespace rxdesk::workflow {
namespace {

using A = OriginalAction;

struct ActionInfo {
    A action;
    std::string_view name;
    std::string_view label;
};

// Indexed by the enum's value: keep in declaration order.
constexpr std::array<ActionInfo, 4> kActions{{
    {A::RecordArrival, "record_arrival", "原本到着登録"},
    {A::RecordMatch, "record_match", "照合一致登録"},
    {A::RecordMismatch, "record_mismatch", "照合不一致登録"},
    {A::ResolveMismatch, "resolve_mismatch", "不一致解決"},
}};

constexpr std::array<A, 4> kAll{A::RecordArrival, A::RecordMatch, A::RecordMismatch,
                                A::ResolveMismatch};

}  // namespace

std::span<const OriginalAction> allOriginalActions() {
    return kAll;
}

std::string_view name(OriginalAction action) {
    return kActions[static_cast<size_t>(action)].name;
}

std::string_view label(OriginalAction action) {
    return kActions[static_cast<size_t>(action)].label;
}

std::optional<OriginalAction> parseOriginalAction(std::string_view text) {
    for (const auto& a : kActions)
        if (a.name == text) return a.action;
    return std::nullopt;
}

}  // namespace rxdesk::workflow
