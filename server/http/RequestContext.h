#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/Principal.h"
#include "http/JsonBody.h"
#include "http/Route.h"

namespace rxdesk::http {

/// What a route handler sees: the request (body already read within the route's limit),
/// the authenticated caller, and a buffered response it fills in.
class RequestContext {
public:
    RequestContext(const Poco::Net::HTTPServerRequest& request, const Route& route,
                   std::map<std::string, std::string> params, auth::Principal principal,
                   std::string remote_addr, std::string body);

    const Route& route() const { return route_; }
    const std::string& method() const { return request_.getMethod(); }
    /// A {placeholder} of the route pattern.
    const std::string& param(const std::string& name) const;
    /// A query-string parameter (decoded), or nullopt.
    std::optional<std::string> query(const std::string& name) const;
    /// A request header, or "" when absent.
    std::string header(const std::string& name) const;
    std::optional<std::string> cookie(const std::string& name) const;
    const std::string& body() const { return body_; }

    /// The body as a JSON object. Throws Error(UnsupportedMediaType,
    /// "unsupported_media_type") unless Content-Type is application/json, and the errors of
    /// JsonBody::parse.
    JsonBody json() const;

    const auth::Principal& principal() const { return principal_; }
    auth::Caller caller() const { return auth::Caller{principal_, remote_addr_}; }
    const std::string& remoteAddr() const { return remote_addr_; }

    void respond(int status, std::string content_type, std::string body);
    void respondJson(int status, const Poco::JSON::Object& object);
    void addHeader(std::string name, std::string value);

    int status() const { return status_; }
    const std::string& contentType() const { return content_type_; }
    const std::string& responseBody() const { return response_body_; }
    const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }

private:
    const Poco::Net::HTTPServerRequest& request_;
    const Route& route_;
    std::map<std::string, std::string> params_;
    auth::Principal principal_;
    std::string remote_addr_;
    std::string body_;
    mutable std::optional<std::vector<std::pair<std::string, std::string>>> query_;

    int status_ = 204;
    std::string content_type_;
    std::string response_body_;
    std::vector<std::pair<std::string, std::string>> headers_;
};

/// Serialises a JSON object compactly (UTF-8 kept as is, `<` `>` `&` escaped): writeJson.
std::string toJson(const Poco::JSON::Object& object);

}  // namespace rxdesk::http
