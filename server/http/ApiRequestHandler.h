#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include "http/HttpDependencies.h"
#include "http/RequestContext.h"

namespace rxdesk::http {

/// The one top-level wrapper every request goes through. It routes, authenticates (session
/// cookie or bearer API key), checks the permission table and the CSRF token, enforces the
/// route's body limit, honours Idempotency-Key, runs the route, and turns every outcome
/// into a response — an rxdesk::Error into its JSON error and status, anything else into a
/// 500 — so no exception ever reaches Poco. It adds the security headers, records metrics
/// and writes the access log.
class ApiRequestHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit ApiRequestHandler(const HttpDependencies& deps) : deps_(deps) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override;

private:
    auth::Principal authenticate(const Poco::Net::HTTPServerRequest& request, const Route& route);
    void authorize(const auth::Principal& principal, const Route& route,
                   const Poco::Net::HTTPServerRequest& request, const std::string& remote);
    void runIdempotent(RequestContext& ctx, const std::string& key, const std::string& path);

    const HttpDependencies& deps_;
};

}  // namespace rxdesk::http
