#pragma once

#include <cstdint>

#include "auth/LoginThrottle.h"

namespace rxdesk::auth {

/// Session and login policy.
struct AuthSettings {
    std::int64_t idle_timeout_seconds = 30 * 60;
    std::int64_t absolute_timeout_seconds = 12 * 3600;
    std::int64_t touch_interval_seconds = 60;  ///< how often last_seen_at is written
    std::size_t min_password_length = 12;
    int password_iterations = 310000;
    LoginThrottlePolicy throttle;
};

}  // namespace rxdesk::auth
