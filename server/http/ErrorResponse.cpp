#include "http/ErrorResponse.h"

#include <Poco/JSON/Object.h>

#include "http/JsonWriter.h"

namespace rxdesk::http {

int statusFor(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::BadRequest:
            return 400;
        case ErrorKind::Unauthenticated:
            return 401;
        case ErrorKind::Forbidden:
            return 403;
        case ErrorKind::NotFound:
            return 404;
        case ErrorKind::MethodNotAllowed:
            return 405;
        case ErrorKind::Conflict:
            return 409;
        case ErrorKind::PayloadTooLarge:
            return 413;
        case ErrorKind::UnsupportedMediaType:
            return 415;
        case ErrorKind::RuleViolation:
            return 422;
        case ErrorKind::TooManyRequests:
            return 429;
        case ErrorKind::UpstreamUnavailable:
            return 502;
        case ErrorKind::Storage:
            return 503;
        case ErrorKind::Internal:
            return 500;
    }
    return 500;
}

std::string errorBody(const Error& error) {
    Poco::JSON::Object inner(Poco::JSON_PRESERVE_KEY_ORDER);
    inner.set("code", error.code());
    inner.set("message", std::string(error.what()));
    if (!error.field().empty()) inner.set("field", error.field());
    Poco::JSON::Object outer;
    outer.set("error", inner);
    return writeJson(outer);
}

}  // namespace rxdesk::http
