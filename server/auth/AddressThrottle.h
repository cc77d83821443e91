#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "auth/LoginThrottle.h"

namespace rxdesk::auth {

/// Failed logins counted per source address, across all login names: password spraying
/// (one guess each on many names) from one address locks that address for a while. Kept in
/// memory (a restart forgets it; the per-name lock is stored) and bounded: at most
/// `max_tracked` addresses, entries whose lock has ended and whose failures are forgotten go
/// first. The lock is bounded by the policy's `max_lock_seconds` and attempts made while
/// locked are not counted, so nobody can hold an address locked for longer than that after
/// the guessing stops. Thread-safe.
class AddressThrottle {
public:
    explicit AddressThrottle(LoginThrottlePolicy policy, std::size_t max_tracked = 10000);

    /// Seconds until `address` may try to log in again; 0 when it may now.
    std::int64_t lockedFor(const std::string& address, std::int64_t now) const;

    /// Counts one failed login from `address` at `now`.
    void recordFailure(const std::string& address, std::int64_t now);

    /// Number of addresses currently remembered.
    std::size_t tracked() const;

private:
    void evict(std::int64_t now);

    LoginThrottlePolicy policy_;
    std::size_t max_tracked_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, LoginFailures> entries_;
};

}  // namespace rxdesk::auth
