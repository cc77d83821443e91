#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace rxdesk::workflow {

/// Where the paper original (処方箋原本) of a faxed or API-pushed prescription is. Stable API
/// identifiers; the store persists the name.
enum class OriginalState {
    Awaiting,  ///< "awaiting" 原本未着: dispensed (or to be) on the copy; original not yet here
    Arrived,   ///< "arrived" 原本到着: received, not yet compared with what was dispensed
    Matched,   ///< "matched" 照合一致 (terminal)
    Mismatched,  ///< "mismatched" 照合不一致: differences need a pharmacist's resolution
    Resolved,    ///< "resolved" 解決済: differences handled and recorded (terminal)
};

/// All original states, in declaration order.
std::span<const OriginalState> allOriginalStates();

/// The stable snake_case identifier.
std::string_view name(OriginalState state);

/// Japanese label for the UI (原本未着, 原本到着, 照合一致, 照合不一致, 解決済).
std::string_view label(OriginalState state);

/// Parses a stable identifier; nullopt for anything else.
std::optional<OriginalState> parseOriginalState(std::string_view text);

/// True for matched and resolved.
bool isTerminal(OriginalState state);

}  // namespace rxdesk::workflow
