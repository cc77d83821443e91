#include "http/RequestContext.h"

#include <Poco/Net/NameValueCollection.h>
#include <Poco/URI.h>

#include <sstream>

#include "core/Error.h"
#include "http/JsonWriter.h"

namespace rxdesk::http {

RequestContext::RequestContext(const Poco::Net::HTTPServerRequest& request, const Route& route,
                               std::map<std::string, std::string> params, auth::Principal principal,
                               std::string remote_addr, std::string body)
    : request_(request),
      route_(route),
      params_(std::move(params)),
      principal_(std::move(principal)),
      remote_addr_(std::move(remote_addr)),
      body_(std::move(body)) {}

const std::string& RequestContext::param(const std::string& name) const {
    auto it = params_.find(name);
    if (it == params_.end())
        throw Error(ErrorKind::Internal, "missing_route_param", "ルート定義の誤りです");
    return it->second;
}

std::optional<std::string> RequestContext::query(const std::string& name) const {
    if (!query_) {
        try {
            query_ = Poco::URI(request_.getURI()).getQueryParameters();
        } catch (const Poco::Exception&) {
            throw Error(ErrorKind::BadRequest, "invalid_query", "クエリ文字列が不正です");
        }
    }
    for (const auto& [key, value] : *query_)
        if (key == name) return value;
    return std::nullopt;
}

std::string RequestContext::header(const std::string& name) const {
    return request_.get(name, "");
}

std::optional<std::string> RequestContext::cookie(const std::string& name) const {
    Poco::Net::NameValueCollection cookies;
    request_.getCookies(cookies);
    if (!cookies.has(name)) return std::nullopt;
    return cookies.get(name);
}

JsonBody RequestContext::json() const {
    std::string type = request_.getContentType();
    std::string base = type.substr(0, type.find(';'));
    if (base != "application/json")
        throw Error(ErrorKind::UnsupportedMediaType, "unsupported_media_type",
                    "Content-Type は application/json にしてください");
    return JsonBody::parse(body_);
}

void RequestContext::respond(int status, std::string content_type, std::string body) {
    status_ = status;
    content_type_ = std::move(content_type);
    response_body_ = std::move(body);
}

void RequestContext::respondJson(int status, const Poco::JSON::Object& object) {
    respond(status, "application/json; charset=utf-8", toJson(object));
}

void RequestContext::addHeader(std::string name, std::string value) {
    headers_.emplace_back(std::move(name), std::move(value));
}

std::string toJson(const Poco::JSON::Object& object) {
    return writeJson(object);
}

}  // namespace rxdesk::http
