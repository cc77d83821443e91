#include <gtest/gtest.h>

#include "http/AccessLog.h"
#include "http/Metrics.h"

using namespace rxdesk::http;

TEST(Metrics, RendersCountersHistogramsAndErrorsByRoute) {
    Metrics m;
    m.observe("/api/v1/users", "GET", 200, 0.003, "");
    m.observe("/api/v1/users", "GET", 403, 0.2, "forbidden");
    std::string text = m.render();
    EXPECT_NE(text.find("rxdesk_http_requests_total{route=\"/api/v1/users\",method=\"GET\",status=\"200\"} 1"), std::string::npos);
    EXPECT_NE(text.find("rxdesk_http_request_duration_seconds_bucket{route=\"/api/v1/users\",method=\"GET\",le=\"0.005\"} 1"), std::string::npos);
    EXPECT_NE(text.find("rxdesk_http_request_duration_seconds_count{route=\"/api/v1/users\",method=\"GET\"} 2"), std::string::npos);
    EXPECT_NE(text.find("rxdesk_http_errors_total{route=\"/api/v1/users\",code=\"forbidden\"} 1"), std::string::npos);
}

TEST(AccessLog, RecordsRouteNotPath) {
    AccessRecord r;
    r.request_id = "abc";
    r.method = "GET";
    r.route = "/api/v1/prescriptions/{id}";
    r.status = 200;
    std::string line = AccessLog::format(r);
    EXPECT_NE(line.find("\"route\":\"/api/v1/prescriptions/{id}\""), std::string::npos);
    EXPECT_EQ(line.find("path"), std::string::npos);
}
