#pragma once

#include <Poco/JSON/Object.h>

#include "auth/ApiClient.h"
#include "auth/Principal.h"
#include "auth/User.h"

namespace rxdesk::http {

/// The public JSON shape of an account (never the password hash or TOTP secret).
Poco::JSON::Object userView(const auth::User& user);
/// The public JSON shape of an API client (never the key or its hash).
Poco::JSON::Object clientView(const auth::ApiClient& client);

}  // namespace rxdesk::http
