#pragma once

#include <string>
#include <vector>

namespace rxdesk::guidance {

/// Error: the record cannot be finalised as it is. Warning: flagged for the pharmacist, who
/// decides.
enum class Severity { Error, Warning };

/// One result of a rule check. `code` is a stable machine identifier (snake_case),
/// `message_ja` the sentence shown to staff (never contains patient data), `field` the JSON
/// name of the offending input field, empty when the finding is about the whole input.
struct Finding {
    Severity severity = Severity::Error;
    std::string code;
    std::string message_ja;
    std::string field;
};

/// True when at least one finding has Severity::Error.
bool hasErrors(const std::vector<Finding>& findings);

}  // namespace rxdesk::guidance
