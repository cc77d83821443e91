#pragma once

#include <string>

namespace rxdesk::http {

/// One finished request as the access log records it. Deliberately holds no path, query,
/// body or header values: only the route pattern, so no patient data can reach the log.
struct AccessRecord {
    std::string request_id;
    std::string method;
    std::string route;
    int status = 0;
    double duration_ms = 0;
    std::string actor;
    std::string remote_addr;
    std::size_t response_bytes = 0;
    std::string error_code;
};

/// Writes access records as JSON lines to the Poco logger "rxdesk.access".
class AccessLog {
public:
    static void write(const AccessRecord& record);
    static std::string format(const AccessRecord& record);
};

}  // namespace rxdesk::http
