#include "http/HandlerFactory.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "core/Error.h"
#include "http/ApiRequestHandler.h"
#include "http/ErrorResponse.h"
#include "http/SecurityHeaders.h"
#include "http/StaticFileHandler.h"

namespace rxdesk::http {

namespace {

// Answers a request in an HTTP version rxdesk does not speak (anything but 1.0 and 1.1)
// with 400, as HTTP/1.1, and closes the connection (a 4xx: the request is malformed for us).
class UnsupportedVersionHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit UnsupportedVersionHandler(bool https) : https_(https) {}
    void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) override {
        std::string body = errorBody(Error(ErrorKind::BadRequest, "http_version_not_supported",
                                           "HTTP/1.0 または HTTP/1.1 で送ってください"));
        response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
        response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
        addSecurityHeaders(response, https_);
        response.set("Cache-Control", "no-store");
        response.setKeepAlive(false);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength64(std::int64_t(body.size()));
        response.send() << body;
    }

private:
    bool https_;
};

}  // namespace

Poco::Net::HTTPRequestHandler* HandlerFactory::createRequestHandler(
    const Poco::Net::HTTPServerRequest& request) {
    const std::string& version = request.getVersion();
    if (version != Poco::Net::HTTPMessage::HTTP_1_1 && version != Poco::Net::HTTPMessage::HTTP_1_0)
        return new UnsupportedVersionHandler(deps_.https);
    const std::string& uri = request.getURI();
    std::string path = uri.substr(0, uri.find_first_of("?#"));
    bool api = path.rfind("/api/", 0) == 0 || path == "/api" || path == "/healthz" ||
               path == "/readyz" || path == "/metrics";
    if (api || web_root_.empty()) return new ApiRequestHandler(deps_);
    return new StaticFileHandler(web_root_, deps_.https);
}

}  // namespace rxdesk::http
