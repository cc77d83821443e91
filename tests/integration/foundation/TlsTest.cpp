#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/SecureServerSocket.h>
#include <gtest/gtest.h>
#include <openssl/ssl.h>

#include "support/TestServer.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

// A client that speaks TLS 1.1 and nothing newer, with OpenSSL's security level lowered so
// the client itself does not refuse to try.
Poco::Net::Context::Ptr tls11Client() {
    Poco::Net::Context::Ptr ctx = insecureClientContext();
    Poco::Net::Context::Params params;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;
    params.loadDefaultCAs = false;
    params.cipherList = "DEFAULT:@SECLEVEL=0";
    ctx = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    SSL_CTX_set_min_proto_version(ctx->sslContext(), TLS1_1_VERSION);
    SSL_CTX_set_max_proto_version(ctx->sslContext(), TLS1_1_VERSION);
    return ctx;
}

int getStatus(int port, Poco::Net::Context::Ptr ctx) {
    Poco::Net::HTTPSClientSession session("127.0.0.1", Poco::UInt16(port), ctx);
    Poco::Net::HTTPRequest req("GET", "/healthz", Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(req);
    Poco::Net::HTTPResponse resp;
    session.receiveResponse(resp);
    return resp.getStatus();
}

class OkHandler : public Poco::Net::HTTPRequestHandler {
    void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& r) override {
        r.setContentLength(0);
        r.send();
    }
};
class OkFactory : public Poco::Net::HTTPRequestHandlerFactory {
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new OkHandler;
    }
};

}  // namespace

TEST(Tls, ATls11ClientIsRefusedWhileModernClientsGetIn) {
    TestServer server;
    EXPECT_EQ(getStatus(server.port(), insecureClientContext()), 200);
    EXPECT_THROW(getStatus(server.port(), tls11Client()), Poco::Exception);

    // Control: the same TLS 1.1 client does get through to a server that allows TLS 1.1,
    // so the refusal above is rxdesk's doing and not the client's.
    Poco::Net::Context::Params params;
    params.certificateFile = server.settings().tls_certificate;
    params.privateKeyFile = server.settings().tls_private_key;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;
    params.cipherList = "DEFAULT:@SECLEVEL=0";
    Poco::Net::Context::Ptr lax = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
    SSL_CTX_set_min_proto_version(lax->sslContext(), TLS1_1_VERSION);
    Poco::Net::SecureServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0), 16, lax);
    Poco::Net::HTTPServer control(new OkFactory, socket, new Poco::Net::HTTPServerParams);
    control.start();
    EXPECT_EQ(getStatus(socket.address().port(), tls11Client()), 200);
    control.stopAll(true);
}

TEST(Tls, PlainHttpIsOffByDefaultAndLoopbackOnlyWhenEnabled) {
    TestServer secure_only;
    EXPECT_FALSE(secure_only.httpPort().has_value());

    TestServerOptions options;
    options.http_enabled = true;
    options.settings = [](app::Settings& s) { s.bind_address = "0.0.0.0"; };
    TestServer both(options);
    ASSERT_TRUE(both.httpPort().has_value());
    TestClient plain(*both.httpPort(), false);
    Response r = plain.get("/healthz");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.header("Strict-Transport-Security"), "") << "no HSTS over plain HTTP";
    // The plain listener is bound to 127.0.0.1 only, whatever rxdesk.https.bind says.
    Poco::Net::StreamSocket probe;
    EXPECT_NO_THROW(probe.connect(Poco::Net::SocketAddress("127.0.0.1", Poco::UInt16(*both.httpPort()))));
}
