#include "http/Metrics.h"

#include <sstream>

namespace rxdesk::http {
namespace {

std::string label(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

}  // namespace

void Metrics::observe(const std::string& route, const std::string& method, int status,
                      double seconds, const std::string& error_code) {
    std::lock_guard lock(mutex_);
    ++requests_[{route, method, status}];
    Histogram& h = latency_[{route, method}];
    for (size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i]) ++h.buckets[i];
    ++h.count;
    h.sum += seconds;
    if (!error_code.empty()) ++errors_[{route, error_code}];
}

std::string Metrics::render() const {
    std::lock_guard lock(mutex_);
    std::ostringstream out;
    out << "# HELP rxdesk_http_requests_total HTTP requests by route, method and status.\n"
           "# TYPE rxdesk_http_requests_total counter\n";
    for (const auto& [key, n] : requests_)
        out << "rxdesk_http_requests_total{route=\"" << label(std::get<0>(key)) << "\",method=\""
            << std::get<1>(key) << "\",status=\"" << std::get<2>(key) << "\"} " << n << "\n";
    out << "# HELP rxdesk_http_request_duration_seconds Request latency by route and method.\n"
           "# TYPE rxdesk_http_request_duration_seconds histogram\n";
    for (const auto& [key, h] : latency_) {
        std::string labels = "route=\"" + label(key.first) + "\",method=\"" + key.second + "\"";
        for (size_t i = 0; i < kBuckets.size(); ++i)
            out << "rxdesk_http_request_duration_seconds_bucket{" << labels << ",le=\""
                << kBuckets[i] << "\"} " << h.buckets[i] << "\n";
        out << "rxdesk_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} "
            << h.count << "\n";
        out << "rxdesk_http_request_duration_seconds_sum{" << labels << "} " << h.sum << "\n";
        out << "rxdesk_http_request_duration_seconds_count{" << labels << "} " << h.count << "\n";
    }
    out << "# HELP rxdesk_http_errors_total Error responses by route and error code.\n"
           "# TYPE rxdesk_http_errors_total counter\n";
    for (const auto& [key, n] : errors_)
        out << "rxdesk_http_errors_total{route=\"" << label(key.first) << "\",code=\""
            << label(key.second) << "\"} " << n << "\n";
    return out.str();
}

}  // namespace rxdesk::http
