#pragma once

#include <string>

#include "core/Error.h"

namespace rxdesk::http {

/// The HTTP status for an error kind: the one place this mapping lives.
int statusFor(ErrorKind kind);

/// The JSON error body {"error":{"code","message","field"?}}.
std::string errorBody(const Error& error);

}  // namespace rxdesk::http
