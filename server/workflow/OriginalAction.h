#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace rxdesk::workflow {

/// A step on the original (原本) track. Stable API identifiers.
enum class OriginalAction {
    RecordArrival,   ///< "record_arrival" 原本到着登録
    RecordMatch,     ///< "record_match" 照合一致登録 (reconciliation found no difference)
    RecordMismatch,  ///< "record_mismatch" 照合不一致登録 (reconciliation found differences)
    ResolveMismatch,  ///< "resolve_mismatch" 不一致解決 (pharmacist records how it was handled)
};

/// All original actions, in declaration order.
std::span<const OriginalAction> allOriginalActions();

/// The stable snake_case identifier.
std::string_view name(OriginalAction action);

/// Japanese label for buttons and messages.
std::string_view label(OriginalAction action);

/// Parses a stable identifier; nullopt for anything else.
std::optional<OriginalAction> parseOriginalAction(std::string_view text);

}  // namespace rxdesk::workflow
