#pragma once

#include <string>

#include "core/Error.h"

namespace rxdesk::workflow {

/// Why a workflow step was refused. A refusal is an expected business outcome, not an
/// exception; the HTTP layer turns it into an error answer with `toError()`.
struct Refusal {
    /// Conflict (409) when the prescription's state does not allow the step;
    /// Forbidden (403) when the acting role may not take it.
    ErrorKind kind = ErrorKind::Conflict;
    /// Stable machine code, e.g. "illegal_transition", "unresolved_errors".
    std::string code;
    /// Japanese sentence for the counter UI; never contains patient data.
    std::string reason;

    /// The project exception carrying this refusal (kind, code, reason as message).
    Error toError() const;

    bool operator==(const Refusal&) const = default;
};

}  // namespace rxdesk::workflow
