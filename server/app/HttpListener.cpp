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

HttpListener::HttpListener(const Settings& settings, Services& services) {
    pool_ = std::make_unique<Poco::ThreadPool>(2, settings.threads + 2);
    try {
        Poco::Net::SecureServerSocket https_socket(
            Poco::Net::SocketAddress(settings.bind_address, Poco::UInt16(settings.https_port)), 128,
            makeTlsContext(settings));
        https_port_ = https_socket.address().port();
        sockets_.push_back(https_socket);
        https_ = std::make_unique<Poco::Net::HTTPServer>(
            new http::HandlerFactory(services.httpDependencies(true), settings.web_root), *pool_, https_socket,
            serverParams(settings));
        if (settings.http_enabled) {
            // Plain HTTP never leaves the machine: it is bound to loopback whatever the config.
            Poco::Net::ServerSocket http_socket(
                Poco::Net::SocketAddress("127.0.0.1", Poco::UInt16(settings.http_port)), 128);
            http_port_ = http_socket.address().port();
            sockets_.push_back(http_socket);
            http_ = std::make_unique<Poco::Net::HTTPServer>(
                new http::HandlerFactory(services.httpDependencies(false), settings.web_root), *pool_, http_socket,
                serverParams(settings));
        }
    } catch (const Poco::Net::NetException& e) {
        throw Error(ErrorKind::Storage, "bind_failed", "ポートを開けません: " + e.displayText());
    }
}

HttpListener::~HttpListener() {
    if (running_) stop(0);
}

void HttpListener::start() {
    https_->start();
    if (http_) http_->start();
    running_ = true;
}

void HttpListener::stop(int grace_seconds) {
    if (!running_) return;
    running_ = false;
    https_->stopAll(false);
    if (http_) http_->stopAll(false);
    for (auto& socket : sockets_) socket.close();
    auto busy = [&] {
        return https_->currentConnections() > 0 || (http_ && http_->currentConnections() > 0);
    };
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(grace_seconds);
    while (busy() && std::chrono::steady_clock::now() < deadline) Poco::Thread::sleep(20);
    if (busy()) {
        https_->stopAll(true);
        if (http_) http_->stopAll(true);
    }
    pool_->joinAll();
}

}  // namespace rxdesk::app
