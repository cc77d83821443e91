#pragma once

#include <chrono>

namespace rxdesk::eprescription {

/// Exponential backoff with jitter. Pure: the caller supplies the random number.
class RetryPolicy {
public:
    RetryPolicy(std::chrono::milliseconds initial, std::chrono::milliseconds max, double jitter)
        : initial_(initial), max_(max), jitter_(jitter) {}

    /// The wait after failed attempt number `failed_attempt` (1-based): initial * 2^(n-1),
    /// capped at max, then shortened by `random01 * jitter` of itself (`random01` in
    /// [0, 1)). With jitter below 0.5 successive waits strictly grow until the cap.
    std::chrono::milliseconds delayAfter(int failed_attempt, double random01) const;

private:
    std::chrono::milliseconds initial_;
    std::chrono::milliseconds max_;
    double jitter_;
};

}  // namespace rxdesk::eprescription
