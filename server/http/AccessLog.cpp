#include "http/AccessLog.h"

#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>

#include <sstream>

namespace rxdesk::http {

std::string AccessLog::format(const AccessRecord& r) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("request_id", r.request_id);
    o.set("method", r.method);
    o.set("route", r.route);
    o.set("status", r.status);
    o.set("duration_ms", r.duration_ms);
    o.set("actor", r.actor);
    o.set("remote", r.remote_addr);
    o.set("bytes", r.response_bytes);
    if (!r.error_code.empty()) o.set("error", r.error_code);
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

void AccessLog::write(const AccessRecord& record) {
    static Poco::Logger& logger = Poco::Logger::get("rxdesk.access");
    if (logger.information()) logger.information(format(record));
}

}  // namespace rxdesk::http
