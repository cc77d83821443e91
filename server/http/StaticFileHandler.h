#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include <string>

namespace rxdesk::http {

/// Serves the counter terminal's static files (HTML, ES modules, CSS, images) from the web
/// root: GET and HEAD only, "/" and unknown extension-less paths give index.html (the UI
/// routes on the client), nothing outside the root is ever served (".." and symlinks out
/// are refused with 404), with the same security headers as the API.
class StaticFileHandler : public Poco::Net::HTTPRequestHandler {
public:
    StaticFileHandler(std::string root, bool https) : root_(std::move(root)), https_(https) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override;

    /// The Content-Type for a file name, by extension.
    static std::string contentTypeFor(const std::string& path);

private:
    std::string root_;
    bool https_;
};

}  // namespace rxdesk::http
