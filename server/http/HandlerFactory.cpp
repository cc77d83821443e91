#include "http/HandlerFactory.h"

#include "http/ApiRequestHandler.h"
#include "http/StaticFileHandler.h"

namespace rxdesk::http {

Poco::Net::HTTPRequestHandler* HandlerFactory::createRequestHandler(
    const Poco::Net::HTTPServerRequest& request) {
    const std::string& uri = request.getURI();
    std::string path = uri.substr(0, uri.find_first_of("?#"));
    bool api = path.rfind("/api/", 0) == 0 || path == "/api" || path == "/healthz" ||
               path == "/readyz" || path == "/metrics";
    if (api || web_root_.empty()) return new ApiRequestHandler(deps_);
    return new StaticFileHandler(web_root_, deps_.https);
}

}  // namespace rxdesk::http
