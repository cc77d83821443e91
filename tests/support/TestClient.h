#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/NameValueCollection.h>

#include <map>
#include <memory>
#include <string>

namespace Poco::Net {
class HTTPClientSession;
}

namespace rxdesk::testing {

/// One HTTP response as the test sees it.
struct Response {
    int status = 0;
    std::string body;
    Poco::Net::NameValueCollection headers;

    Poco::JSON::Object::Ptr json() const;
    /// error.code of a JSON error body, or "".
    std::string errorCode() const;
    std::string header(const std::string& name) const { return headers.get(name, ""); }
};

/// A real HTTPS (or HTTP) client over one keep-alive connection, with a cookie jar for the
/// session cookie, the CSRF token of the last login, and an optional bearer API key.
class TestClient {
public:
    TestClient(int port, bool https = true);
    ~TestClient();
    TestClient(TestClient&&) noexcept;

    Response request(const std::string& method, const std::string& path, const std::string& body = "",
                     const std::string& content_type = "application/json",
                     const std::map<std::string, std::string>& headers = {});
    Response get(const std::string& path) { return request("GET", path); }
    Response post(const std::string& path, const std::string& json = "{}") {
        return request("POST", path, json);
    }
    Response del(const std::string& path) { return request("DELETE", path); }

    std::string session_cookie;  ///< sent as rxdesk_session; updated from Set-Cookie
    std::string csrf_token;      ///< sent as X-CSRF-Token on state-changing requests when set
    std::string bearer;          ///< sent as Authorization: Bearer when set

private:
    int port_;
    bool https_;
    std::unique_ptr<Poco::Net::HTTPClientSession> session_;
};

/// A client TLS context that accepts the test server's self-signed certificate.
Poco::Net::Context::Ptr insecureClientContext();

}  // namespace rxdesk::testing
