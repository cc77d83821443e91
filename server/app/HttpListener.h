#pragma once

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include <memory>
#include <optional>
#include <vector>

#include "app/Services.h"
#include "app/Settings.h"
#include "http/HandlerFactory.h"
#include "http/RequestDeadlines.h"

namespace rxdesk::app {

/// The network side of `serve`: an HTTPS server (TLS 1.2/1.3 only, modern ciphers) and,
/// when enabled, a plain HTTP server bound to 127.0.0.1 only, sharing one thread pool.
class HttpListener {
public:
    /// Binds the sockets (throws Error(BadRequest, "tls_unusable") when the certificate or
    /// key cannot be loaded, Error(Storage, "bind_failed") when a port is taken).
    HttpListener(const Settings& settings, Services& services);
    ~HttpListener();

    void start();

    /// Graceful stop: accept nothing new, let requests in flight finish (keep-alive
    /// connections close after their current request), wait up to `grace_seconds`, then
    /// abort what is left and join every worker thread.
    void stop(int grace_seconds);

    int httpsPort() const { return https_port_; }
    std::optional<int> httpPort() const { return http_port_; }

private:
    Poco::Net::Context::Ptr makeTlsContext(const Settings& settings) const;

    std::unique_ptr<Poco::ThreadPool> pool_;
    std::vector<Poco::Net::ServerSocket> sockets_;  ///< closed on stop so nothing new queues
    /// One HTTP server: Poco's TCP server with connections that enforce request deadlines.
    struct Server {
        Poco::SharedPtr<http::HandlerFactory> factory;
        std::unique_ptr<Poco::Net::TCPServer> tcp;
    };
    Server makeServer(const Settings& settings, const http::HttpDependencies& deps,
                      const Poco::Net::ServerSocket& socket);
    void stopAll(bool abort_current);
    bool busy() const;

    std::unique_ptr<http::RequestDeadlines> deadlines_;
    std::vector<Server> servers_;
    int https_port_ = 0;
    std::optional<int> http_port_;
    bool running_ = false;
};

}  // namespace rxdesk::app
