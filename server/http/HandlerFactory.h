#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <string>

#include "http/HttpDependencies.h"

namespace rxdesk::http {

/// Hands API and operator paths (/api/…, /healthz, /readyz, /metrics) to an
/// ApiRequestHandler and everything else to the static files of the web UI (when a web
/// root is set).
class HandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    HandlerFactory(const HttpDependencies& deps, std::string web_root = {})
        : deps_(deps), web_root_(std::move(web_root)) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest& request) override;

    /// Tells every connection the server stops: each ends after its current request, or at
    /// once when `abort_current` (what Poco's HTTPServer::stopAll does).
    void notifyServerStopped(const void* sender, bool abort_current) {
        serverStopped(sender, abort_current);
    }

private:
    const HttpDependencies& deps_;
    std::string web_root_;
};

}  // namespace rxdesk::http
