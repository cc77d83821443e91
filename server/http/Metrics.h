#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace rxdesk::http {

/// Request counts, latency histograms and error counts by route, rendered in the
/// Prometheus text exposition format. Thread-safe.
class Metrics {
public:
    /// Records one finished request. `route` is the pattern ("unmatched" for none), never the
    /// raw path, so the label set stays small and free of identifiers.
    void observe(const std::string& route, const std::string& method, int status,
                 double seconds, const std::string& error_code);

    std::string render() const;

private:
    static constexpr std::array<double, 11> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                     0.1,   0.25,   0.5,   1.0,  2.5};
    struct Histogram {
        std::array<std::uint64_t, kBuckets.size()> buckets{};
        std::uint64_t count = 0;
        double sum = 0;
    };

    mutable std::mutex mutex_;
    std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
    std::map<std::pair<std::string, std::string>, Histogram> latency_;
    std::map<std::pair<std::string, std::string>, std::uint64_t> errors_;
};

}  // namespace rxdesk::http
