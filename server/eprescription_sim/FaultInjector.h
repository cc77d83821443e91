#pragma once

#include <mutex>
#include <optional>

namespace rxdesk::eprescription_sim {

/// Faults the simulator injects into its service endpoints (never into /control/).
struct FaultSettings {
    int fail_next = 0;      ///< answer the next N service requests with `fail_status`
    int fail_status = 503;  ///< status for failed requests (5xx to test retries)
    int delay_ms = 0;       ///< wait this long before answering every service request
    int close_next = 0;     ///< send half of the next N answers, then close the connection

    friend bool operator==(const FaultSettings&, const FaultSettings&) = default;
};

/// What to do to one request.
struct FaultDecision {
    std::optional<int> fail_status;
    bool close_mid_response = false;
    int delay_ms = 0;
};

/// Thread-safe fault switchboard; also counts service requests so tests can check how many
/// attempts a client made.
class FaultInjector {
public:
    void set(const FaultSettings& settings);
    FaultSettings current() const;

    /// Counts the request and consumes one unit of `fail_next` or else of `close_next`.
    FaultDecision next();

    int requestCount() const;
    void resetCount();

private:
    mutable std::mutex mutex_;
    FaultSettings settings_;
    int requests_ = 0;
};

}  // namespace rxdesk::eprescription_sim
