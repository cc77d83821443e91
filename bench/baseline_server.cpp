// The baseline for the HTTP benchmarks: a bare Poco HTTPS server with rxdesk's listener
// settings (TLS 1.2+, the same cipher list, thread count, queue and timeouts, passed in by
// bench/run from bench_listener_settings) and a handler that does the least an HTTP service
// can: read the whole body, answer 201 to a POST and a small JSON 200 to anything else.
// Whatever rxdesk adds on top (routing, auth, security headers, metrics, SQLite, audit)
// shows up as the ratio against this server. Links only Poco.
//
// With --append FILE, each POST body is also appended to FILE and made durable
// (fdatasync) before the answer, one writer at a time: the least any durable intake must
// do, for telling the cost of the disk from the cost of rxdesk's own work.
//
//   bench_baseline_server --port N --cert FILE --key FILE --threads N --max-queued N
//                         --timeout S --keep-alive S --ciphers LIST [--append FILE]
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
#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

namespace {

// What HttpListener takes from rxdesk's Settings.
struct ListenerSettings {
    int port = 0;
    std::string cert, key, ciphers;
    int threads = 0, max_queued = 0, timeout_seconds = 0, keep_alive_seconds = 0;
};

// One file that POST bodies are appended to, durably, one writer at a time.
class DurableLog {
public:
    explicit DurableLog(const std::string& path)
        : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600)) {
        if (fd_ < 0) throw std::runtime_error("cannot open " + path);
    }
    ~DurableLog() { ::close(fd_); }

    void append(const std::string& body) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (::write(fd_, body.data(), body.size()) != static_cast<ssize_t>(body.size()) ||
            ::fdatasync(fd_) != 0)
            throw std::runtime_error("append failed");
    }

private:
    int fd_;
    std::mutex mutex_;
};

class MinimalHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit MinimalHandler(DurableLog* log) : log_(log) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        std::string body;
        Poco::StreamCopier::copyToString(request.stream(), body);
        const bool post = request.getMethod() == Poco::Net::HTTPRequest::HTTP_POST;
        if (post && log_ != nullptr) log_->append(body);
        const std::string answer = post ? R"({"id":"1"})" : R"({"status":"ok"})";
        response.setStatusAndReason(post ? Poco::Net::HTTPResponse::HTTP_CREATED
                                         : Poco::Net::HTTPResponse::HTTP_OK);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength64(static_cast<std::int64_t>(answer.size()));
        response.send() << answer;
    }

private:
    DurableLog* log_;
};

class MinimalFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit MinimalFactory(DurableLog* log) : log_(log) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest&) override {
        return new MinimalHandler(log_);
    }

private:
    DurableLog* log_;
};

// The same context HttpListener::makeTlsContext builds.
Poco::Net::Context::Ptr tlsContext(const ListenerSettings& s) {
    Poco::Net::Context::Params params;
    params.certificateFile = s.cert;
    params.privateKeyFile = s.key;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;
    params.cipherList = s.ciphers;
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
Poco::Net::HTTPServerParams::Ptr serverParams(const ListenerSettings& s) {
    Poco::Net::HTTPServerParams::Ptr p = new Poco::Net::HTTPServerParams;
    p->setMaxThreads(s.threads);
    p->setMaxQueued(s.max_queued);
    p->setTimeout(Poco::Timespan(s.timeout_seconds, 0));
    p->setKeepAlive(true);
    p->setKeepAliveTimeout(Poco::Timespan(s.keep_alive_seconds, 0));
    p->setMaxKeepAliveRequests(1000);
    return p;
}

}  // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> args;
    for (int i = 1; i + 1 < argc; i += 2) args[argv[i]] = argv[i + 1];
    ListenerSettings settings;
    try {
        settings.port = std::stoi(args.at("--port"));
        settings.cert = args.at("--cert");
        settings.key = args.at("--key");
        settings.ciphers = args.at("--ciphers");
        settings.threads = std::stoi(args.at("--threads"));
        settings.max_queued = std::stoi(args.at("--max-queued"));
        settings.timeout_seconds = std::stoi(args.at("--timeout"));
        settings.keep_alive_seconds = std::stoi(args.at("--keep-alive"));
    } catch (const std::exception&) {
        std::cerr << "usage: bench_baseline_server --port N --cert FILE --key FILE --threads N "
                     "--max-queued N --timeout S --keep-alive S --ciphers LIST [--append FILE]\n";
        return 2;
    }
    std::unique_ptr<DurableLog> log;
    if (args.count("--append")) log = std::make_unique<DurableLog>(args["--append"]);

    // Block the stop signals before any thread starts so that only sigwait sees them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    Poco::Net::initializeSSL();
    {
        Poco::ThreadPool pool(2, settings.threads + 2);
        Poco::Net::SecureServerSocket socket(
            Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(settings.port)), 128,
            tlsContext(settings));
        Poco::Net::HTTPServer server(new MinimalFactory(log.get()), pool, socket,
                                     serverParams(settings));
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
