#include "app/HttpListener.h"

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Thread.h>

#include <chrono>
#include <mutex>

#include "core/Error.h"
#include "http/DeadlineConnectionFactory.h"
#include "http/HandlerFactory.h"

namespace rxdesk::app {
namespace {

void initializeSslOnce() {
    static std::once_flag once;
    std::call_once(once, [] { Poco::Net::initializeSSL(); });
}

Poco::Net::HTTPServerParams::Ptr serverParams(const Settings& s) {
    Poco::Net::HTTPServerParams::Ptr p = new Poco::Net::HTTPServerParams;
    p->setServerName("rxdesk");
    p->setSoftwareVersion("rxdesk");
    p->setMaxThreads(s.threads);
    p->setMaxQueued(s.max_queued);
    p->setTimeout(Poco::Timespan(s.request_timeout_seconds, 0));
    p->setKeepAlive(true);
    p->setKeepAliveTimeout(Poco::Timespan(s.keep_alive_seconds, 0));
    p->setMaxKeepAliveRequests(1000);
    return p;
}

}  // namespace

Poco::Net::Context::Ptr HttpListener::makeTlsContext(const Settings& s) const {
    initializeSslOnce();
    try {
        Poco::Net::Context::Params params;
        params.certificateFile = s.tls_certificate;
        params.privateKeyFile = s.tls_private_key;
        params.verificationMode = Poco::Net::Context::VERIFY_NONE;
        params.cipherList = s.tls_ciphers;
        params.loadDefaultCAs = false;
        Poco::Net::Context::Ptr context =
            new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
        context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
        context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                                  Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
        context->preferServerCiphers();
        return context;
    } catch (const Poco::Exception& e) {
        throw Error(ErrorKind::BadRequest, "tls_unusable",
                    "TLS 証明書または秘密鍵を読み込めません (" + s.tls_certificate + "): " +
                        e.displayText());
    }
}

HttpListener::Server HttpListener::makeServer(const Settings& settings,
                                             const http::HttpDependencies& deps,
                                             const Poco::Net::ServerSocket& socket) {
    Server server;
    server.factory = new http::HandlerFactory(deps, settings.web_root);
    auto params = serverParams(settings);
    server.tcp = std::make_unique<Poco::Net::TCPServer>(
        new http::DeadlineConnectionFactory(params, Poco::Net::HTTPRequestHandlerFactory::Ptr(server.factory),
                                            *deadlines_),
        *pool_, socket,
        params);
    return server;
}

HttpListener::HttpListener(const Settings& settings, Services& services) {
    pool_ = std::make_unique<Poco::ThreadPool>(2, settings.threads + 2);
    deadlines_ = std::make_unique<http::RequestDeadlines>(
        std::chrono::seconds(settings.request_timeout_seconds));
    try {
        Poco::Net::SecureServerSocket https_socket(
            Poco::Net::SocketAddress(settings.bind_address, Poco::UInt16(settings.https_port)), 128,
            makeTlsContext(settings));
        https_port_ = https_socket.address().port();
        sockets_.push_back(https_socket);
        servers_.push_back(makeServer(settings, services.httpDependencies(true), https_socket));
        if (settings.http_enabled) {
            // Plain HTTP never leaves the machine: it is bound to loopback whatever the config.
            Poco::Net::ServerSocket http_socket(
                Poco::Net::SocketAddress("127.0.0.1", Poco::UInt16(settings.http_port)), 128);
            http_port_ = http_socket.address().port();
            sockets_.push_back(http_socket);
            servers_.push_back(makeServer(settings, services.httpDependencies(false), http_socket));
        }
    } catch (const Poco::Net::NetException& e) {
        throw Error(ErrorKind::Storage, "bind_failed", "ポートを開けません: " + e.displayText());
    }
}

void HttpListener::stopAll(bool abort_current) {
    // What HTTPServer::stopAll does: stop accepting, then tell the connections (they end
    // after their current request, or at once when aborting).
    for (auto& server : servers_) {
        server.tcp->stop();
        server.factory->notifyServerStopped(this, abort_current);
    }
}

bool HttpListener::busy() const {
    for (const auto& server : servers_)
        if (server.tcp->currentConnections() > 0) return true;
    return false;
}

HttpListener::~HttpListener() {
    if (running_) stop(0);
}

void HttpListener::start() {
    for (auto& server : servers_) server.tcp->start();
    running_ = true;
}

void HttpListener::stop(int grace_seconds) {
    if (!running_) return;
    running_ = false;
    stopAll(false);
    for (auto& socket : sockets_) socket.close();
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(grace_seconds);
    while (busy() && std::chrono::steady_clock::now() < deadline) Poco::Thread::sleep(20);
    if (busy()) stopAll(true);
    pool_->joinAll();
}

}  // namespace rxdesk::app
