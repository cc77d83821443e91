#pragma once

#include <chrono>
#include <optional>

#include "core/Clock.h"

namespace rxdesk::notify {

/// Exponential backoff: the n-th retry waits initial_delay × multiplier^(n-1), at most
/// max_delay; after max_attempts attempts the notification fails permanently.
struct RetryPolicy {
    std::chrono::seconds initial_delay{30};   ///< rxdesk.notify.retry.initial_delay_seconds
    double multiplier = 2.0;                  ///< rxdesk.notify.retry.multiplier
    std::chrono::seconds max_delay{30 * 60};  ///< rxdesk.notify.retry.max_delay_seconds
    int max_attempts = 8;                     ///< rxdesk.notify.retry.max_attempts
};

/// Throws Error(Internal, "invalid_retry_policy") naming the field when initial_delay is not
/// positive, multiplier < 1, max_delay < initial_delay or max_attempts < 1.
void validateRetryPolicy(const RetryPolicy& policy);

/// When to try again after `attempts` attempts (>= 1) have failed at `now`; nullopt when
/// attempts >= max_attempts (give up). With the defaults: +30 s, +60 s, +120 s, … capped at
/// 30 min. Never overflows, whatever `attempts` is.
std::optional<TimePoint> nextAttempt(int attempts, TimePoint now, const RetryPolicy& policy);

}  // namespace rxdesk::notify
