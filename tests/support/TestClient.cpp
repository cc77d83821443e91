#include "support/TestClient.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>

#include <mutex>
#include <sstream>

namespace rxdesk::testing {

Poco::JSON::Object::Ptr Response::json() const {
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
}

std::string Response::errorCode() const {
    try {
        auto error = json()->getObject("error");
        return error ? error->getValue<std::string>("code") : "";
    } catch (...) {
        return "";
    }
}

Poco::Net::Context::Ptr insecureClientContext() {
    static std::once_flag once;
    std::call_once(once, [] { Poco::Net::initializeSSL(); });
    Poco::Net::Context::Params params;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;
    params.loadDefaultCAs = false;
    return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
}

TestClient::TestClient(int port, bool https) : port_(port), https_(https) {}
TestClient::~TestClient() = default;
TestClient::TestClient(TestClient&&) noexcept = default;

Response TestClient::request(const std::string& method, const std::string& path,
                             const std::string& body, const std::string& content_type,
                             const std::map<std::string, std::string>& headers) {
    for (int attempt = 0;; ++attempt) {
        if (!session_) {
            if (https_)
                session_ = std::make_unique<Poco::Net::HTTPSClientSession>("127.0.0.1", Poco::UInt16(port_),
                                                                           insecureClientContext());
            else
                session_ = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", Poco::UInt16(port_));
            session_->setKeepAlive(true);
            session_->setTimeout(Poco::Timespan(30, 0));
        }
        try {
            Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
            req.setKeepAlive(true);
            if (!body.empty() || method == "POST" || method == "PUT") {
                req.setContentType(content_type);
                req.setContentLength64(std::int64_t(body.size()));
            }
            if (!session_cookie.empty()) {
                Poco::Net::NameValueCollection cookies;
                cookies.add("rxdesk_session", session_cookie);
                req.setCookies(cookies);
            }
            if (!csrf_token.empty() && method != "GET" && method != "HEAD")
                req.set("X-CSRF-Token", csrf_token);
            if (!bearer.empty()) req.set("Authorization", "Bearer " + bearer);
            for (const auto& [name, value] : headers) req.set(name, value);
            std::ostream& out = session_->sendRequest(req);
            out << body;
            Poco::Net::HTTPResponse resp;
            std::istream& in = session_->receiveResponse(resp);
            Response r;
            r.status = resp.getStatus();
            std::ostringstream content;
            Poco::StreamCopier::copyStream(in, content);
            r.body = content.str();
            for (const auto& [name, value] : resp) r.headers.add(name, value);
            std::vector<Poco::Net::HTTPCookie> cookies;
            resp.getCookies(cookies);
            for (const auto& c : cookies)
                if (c.getName() == "rxdesk_session") session_cookie = c.getMaxAge() == 0 ? "" : c.getValue();
            if (!resp.getKeepAlive()) session_.reset();
            return r;
        } catch (const Poco::Exception&) {
            // A keep-alive connection the server closed: retry once on a fresh one.
            session_.reset();
            if (attempt > 0) throw;
        }
    }
}

}  // namespace rxdesk::testing
