#include "workflow/PrescriptionState.h"

#include <array>

namespace rxdesk::workflow {
namespace {

using S = PrescriptionState;

struct StateInfo {
    S state;
    std::string_view name;
    std::string_view label;
    bool terminal;
};

// Indexed by the enum's value: keep in declaration order.
constexpr std::array<StateInfo, 12> kStates{{
    {S::Received, "received", "受付", false},
    {S::Verified, "verified", "監査済", false},
    {S::Inquiry, "inquiry", "疑義照会中", false},
    {S::Dispensed, "dispensed", "調剤済", false},
    {S::Guided, "guided", "服薬指導済", false},
    {S::HandedOver, "handed_over", "交付済", false},
    {S::Shipped, "shipped", "発送済", false},
    {S::Delivered, "delivered", "配達済", false},
    {S::Completed, "completed", "完了", true},
    {S::OnHold, "on_hold", "保留", false},
    {S::Cancelled, "cancelled", "取消", true},
    {S::Misdirected, "misdirected", "誤送信", true},
}};

static_assert(
    [] {
        for (size_t i = 0; i < kStates.size(); ++i)
            if (static_cast<size_t>(kStates[i].state) != i) return false;
        return true;
    }(),
    "kStates must be in declaration order");

constexpr auto kAll = [] {
    std::array<S, kStates.size()> all{};
    for (size_t i = 0; i < kStates.size(); ++i) all[i] = kStates[i].state;
    return all;
}();

const StateInfo& info(S state) {
    return kStates[static_cast<size_t>(state)];
}

}  // namespace

std::span<const PrescriptionState> allPrescriptionStates() {
    return kAll;
}

std::string_view name(PrescriptionState state) {
    return info(state).name;
}

std::string_view label(PrescriptionState state) {
    return info(state).label;
}

std::optional<PrescriptionState> parsePrescriptionState(std::string_view text) {
    for (const auto& s : kStates)
        if (s.name == text) return s.state;
    return std::nullopt;
}

bool isTerminal(PrescriptionState state) {
    return info(state).terminal;
}

}  // namespace rxdesk::workflow
