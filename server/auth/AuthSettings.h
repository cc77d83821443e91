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
    /// Failures counted per source address over all login names (password spraying):
    /// 20 failures lock the address for 60 s, doubling with every further failure up to
    /// 15 min; forgotten after an hour without a failure.
    LoginThrottlePolicy address_throttle{20, 60, 900, 3600};
};

}  // namespace rxdesk::auth
