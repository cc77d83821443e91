#pragma once

#include <stdexcept>
#include <string>

namespace rxdesk {

/// What kind of failure an Error is; the HTTP layer maps each kind to one status code.
enum class ErrorKind {
    BadRequest,            ///< malformed input (400)
    Unauthenticated,       ///< no or bad credentials (401)
    Forbidden,             ///< authenticated but not allowed (403)
    NotFound,              ///< no such resource (404)
    MethodNotAllowed,      ///< the path exists, the method does not (405)
    Conflict,              ///< state or version conflict, duplicate (409)
    PayloadTooLarge,       ///< body over the endpoint's limit (413)
    UnsupportedMediaType,  ///< wrong Content-Type (415)
    RuleViolation,         ///< well-formed but refused by a business rule (422)
    TooManyRequests,       ///< rate limit or lockout (429)
    UpstreamUnavailable,   ///< an upstream service failed or timed out (502/503)
    Storage,               ///< the database or blob store failed (503)
    Internal,              ///< a bug (500)
};

/// The one project exception. `code` is a stable machine-readable identifier
/// (e.g. "invalid_json"), `message` a human sentence that never contains patient data,
/// `field` names the offending input field when there is one.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string code, std::string message, std::string field = {});

    ErrorKind kind() const { return kind_; }
    const std::string& code() const { return code_; }
    const std::string& field() const { return field_; }

private:
    ErrorKind kind_;
    std::string code_;
    std::string field_;
};

}  // namespace rxdesk
