#include "auth/LoginThrottle.h"

#include <algorithm>

namespace rxdesk::auth {

LoginFailures LoginThrottlePolicy::afterFailure(const LoginFailures& before,
                                                std::int64_t now) const {
    LoginFailures after = before;
    if (now - before.last_failure_at > forget_after_seconds) after.failures = 0;
    after.failures += 1;
    after.last_failure_at = now;
    if (after.failures >= max_failures) {
        int doublings = std::min(after.failures - max_failures, 20);
        std::int64_t lock = std::min(base_lock_seconds << doublings, max_lock_seconds);
        after.locked_until = now + lock;
    }
    return after;
}

}  // namespace rxdesk::auth
