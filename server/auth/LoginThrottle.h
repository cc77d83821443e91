#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace rxdesk::auth {

/// Failed-login bookkeeping for one login name.
struct LoginFailures {
    int failures = 0;
    std::int64_t locked_until = 0;
    std::int64_t last_failure_at = 0;
};

/// Lockout with exponential backoff: after `max_failures` consecutive failures the login is
/// locked for `base_lock_seconds`, doubling with every further failure up to
/// `max_lock_seconds`. Failures older than `forget_after_seconds` are forgotten.
struct LoginThrottlePolicy {
    int max_failures = 5;
    std::int64_t base_lock_seconds = 30;
    std::int64_t max_lock_seconds = 3600;
    std::int64_t forget_after_seconds = 24 * 3600;

    /// The state after one more failure at `now`.
    LoginFailures afterFailure(const LoginFailures& before, std::int64_t now) const;
};

/// Storage port for failed-login counters. Call inside a Transactor scope.
class LoginFailureRepository {
public:
    virtual ~LoginFailureRepository() = default;
    virtual std::optional<LoginFailures> find(const std::string& login) = 0;
    virtual void save(const std::string& login, const LoginFailures& state) = 0;
    virtual void clear(const std::string& login) = 0;
};

}  // namespace rxdesk::auth
