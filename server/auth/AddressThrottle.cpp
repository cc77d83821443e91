#include "auth/AddressThrottle.h"

#include <algorithm>

namespace rxdesk::auth {

AddressThrottle::AddressThrottle(LoginThrottlePolicy policy, std::size_t max_tracked)
    : policy_(policy), max_tracked_(std::max<std::size_t>(max_tracked, 1)) {}

std::int64_t AddressThrottle::lockedFor(const std::string& address, std::int64_t now) const {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(address);
    if (it == entries_.end() || it->second.locked_until <= now) return 0;
    return it->second.locked_until - now;
}

void AddressThrottle::recordFailure(const std::string& address, std::int64_t now) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(address);
    if (it == entries_.end()) {
        if (entries_.size() >= max_tracked_) evict(now);
        it = entries_.emplace(address, LoginFailures{}).first;
    }
    it->second = policy_.afterFailure(it->second, now);
}

std::size_t AddressThrottle::tracked() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

void AddressThrottle::evict(std::int64_t now) {
    std::erase_if(entries_, [&](const auto& entry) {
        return entry.second.locked_until <= now &&
               now - entry.second.last_failure_at > policy_.forget_after_seconds;
    });
    // Still full (a flood from many addresses): drop the address idle the longest, so memory
    // stays bounded whatever the attacker does.
    while (entries_.size() >= max_tracked_) {
        auto oldest =
            std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
                return a.second.last_failure_at < b.second.last_failure_at;
            });
        entries_.erase(oldest);
    }
}

}  // namespace rxdesk::auth
