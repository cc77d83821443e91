// The baseline for the HTTP benchmarks: a bare Poco HTTPS server with rxdesk's listener
// settings (TLS 1.2+, the same cipher list, thread count, queue and timeouts, taken from
// app/Settings.h so that they cannot drift apart) and a handler that does the least an
// HTTP service can: read the whole body, answer 201 to a POST and a small JSON 200 to
// anything else. Whatever rxdesk adds on top (routing, auth, security headers, metrics,
// SQLite, audit) shows up as the ratio against this server.
//
//   bench_baseline_server --port N --cert FILE --key FILE
//
// Prints "listening on N" once it accepts connections; stops on SIGTERM or SIGINT.

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/ThreadPool.h>

#include <csignal>
#include <cstring>
#include <iostream>
#include <string>

#include "app/Settings.h"

namespace {

class MinimalHandler : public Poco::Net::HTTPRequestHandler {
public:
    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        std::string body;
        Poco::StreamCopier::copyToString(request.stream(), body);
        const bool post = request.getMethod() == Poco::Net::HTTPRequest::HTTP_POST;
        const std::string answer = post ? R"({"id":"1"})" : R"({"status":"ok"})";
        response.setStatusAndReason(post ? Poco::Net::HTTPResponse::HTTP_CREATED
                                         : Poco::Net::HTTPResponse::HTTP_OK);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength64(static_cast<std::int64_t>(answer.size()));
        response.send() << answer;
    }
};

class MinimalFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest&) override {
        return new MinimalHandler;
    }
};

// The same context HttpListener::makeTlsContext builds.
Poco::Net::Context::Ptr tlsContext(const rxdesk::app::Settings& s, const std::string& cert,
                                   const std::string& key) {
    Poco::Net::Context::Params params;
    params.certificateFile = cert;
    params.privateKeyFile = key;
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
}

// The same parameters HttpListener gives its HTTPServer.
Poco::Net::HTTPServerParams::Ptr serverParams(const rxdesk::app::Settings& s) {
    Poco::Net::HTTPServerParams::Ptr p = new Poco::Net::HTTPServerParams;
    p->setMaxThreads(s.threads);
    p->setMaxQueued(s.max_queued);
    p->setTimeout(Poco::Timespan(s.request_timeout_seconds, 0));
    p->setKeepAlive(true);
    p->setKeepAliveTimeout(Poco::Timespan(s.keep_alive_seconds, 0));
    p->setMaxKeepAliveRequests(1000);
    return p;
}

}  // namespace

int main(int argc, char** argv) {
    int port = 0;
    std::string cert, key;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--port") == 0)
            port = std::stoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--cert") == 0)
            cert = argv[i + 1];
        else if (std::strcmp(argv[i], "--key") == 0)
            key = argv[i + 1];
    }
    if (cert.empty() || key.empty()) {
        std::cerr << "usage: bench_baseline_server --port N --cert FILE --key FILE\n";
        return 2;
    }

    // Block the stop signals before any thread starts so that only sigwait sees them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    const rxdesk::app::Settings settings;  // rxdesk's defaults
    Poco::Net::initializeSSL();
    {
        Poco::ThreadPool pool(2, settings.threads + 2);
        Poco::Net::SecureServerSocket socket(
            Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)), 128,
            tlsContext(settings, cert, key));
        Poco::Net::HTTPServer server(new MinimalFactory, pool, socket, serverParams(settings));
        server.start();
        std::cout << "listening on " << socket.address().port() << std::endl;
        int signal = 0;
        sigwait(&stop_signals, &signal);
        server.stopAll(true);
        pool.joinAll();
    }
    Poco::Net::uninitializeSSL();
    return 0;
}
