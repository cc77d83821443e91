#include "notify/RetryPolicy.h"

#include <algorithm>
#include <cmath>

#include "core/Error.h"

namespace rxdesk::notify {
namespace {

[[noreturn]] void invalid(const char* field, const char* message) {
    throw Error(ErrorKind::Internal, "invalid_retry_policy", message, field);
}

}  // namespace

void validateRetryPolicy(const RetryPolicy& policy) {
    if (policy.initial_delay <= std::chrono::seconds{0})
        invalid("initial_delay", "the initial retry delay must be positive");
    if (!(policy.multiplier >= 1.0)) invalid("multiplier", "the retry multiplier must be >= 1");
    if (policy.max_delay < policy.initial_delay)
        invalid("max_delay", "the maximum retry delay must be >= the initial delay");
    if (policy.max_attempts < 1) invalid("max_attempts", "max_attempts must be >= 1");
}

std::optional<TimePoint> nextAttempt(int attempts, TimePoint now, const RetryPolicy& policy) {
    if (attempts >= policy.max_attempts) return std::nullopt;
    const int retry = std::max(attempts, 1);
    // In double so a large attempt count saturates at max_delay instead of overflowing.
    const double delay =
        double(policy.initial_delay.count()) * std::pow(policy.multiplier, double(retry - 1));
    const double capped = std::min(delay, double(policy.max_delay.count()));
    return now + std::chrono::seconds{static_cast<std::chrono::seconds::rep>(capped)};
}

}  // namespace rxdesk::notify
