#include "eprescription_sim/EPrescriptionSimulator.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include <condition_variable>
#include <sstream>

#include "core/Error.h"
#include "eprescription/WireFormat.h"
#include "eprescription_sim/SeedFile.h"

namespace rxdesk::eprescription_sim {

using eprescription::ServiceError;
using eprescription::WireFormat;
using eprescription::WireResponse;

/// What the request handlers share with the simulator; outlives the server's threads.
class SimulatorState {
public:
    SimulatorState(const Clock& clock, bool control_enabled)
        : clock(clock), registry(clock), control_enabled(control_enabled) {}

    /// Waits `ms` or until stop; false when stopped.
    bool wait(int ms) {
        std::unique_lock lock(mutex_);
        return !stopped_cv_.wait_for(lock, std::chrono::milliseconds(ms), [&] { return stopped_; });
    }
    void stopWaits() {
        std::lock_guard lock(mutex_);
        stopped_ = true;
        stopped_cv_.notify_all();
    }
    void resumeWaits() {
        std::lock_guard lock(mutex_);
        stopped_ = false;
    }

    const Clock& clock;
    PrescriptionRegistry registry;
    FaultInjector faults;
    const bool control_enabled;

private:
    std::mutex mutex_;
    std::condition_variable stopped_cv_;
    bool stopped_ = false;
};

namespace {

constexpr std::size_t kMaxRequestBytes = 1024 * 1024;

void initializeSslOnce() {
    static std::once_flag once;
    std::call_once(once, [] { Poco::Net::initializeSSL(); });
}

std::string jsonText(const Poco::JSON::Object::Ptr& o) {
    std::ostringstream out;
    o->stringify(out);
    return out.str();
}

WireResponse simpleError(int status, const std::string& code, const std::string& message) {
    Poco::JSON::Object::Ptr e = new Poco::JSON::Object;
    e->set("code", code);
    e->set("message", message);
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("error", e);
    return {status, jsonText(o)};
}

int intMember(const Poco::JSON::Object::Ptr& o, const std::string& key, int fallback) {
    if (!o->has(key)) return fallback;
    Poco::Dynamic::Var v = o->get(key);
    if (!v.isInteger()) {
        throw Error(ErrorKind::BadRequest, "invalid_request", key + " must be an integer", key);
    }
    return v.convert<int>();
}

Poco::JSON::Object::Ptr faultsJson(const FaultSettings& f) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("fail_next", f.fail_next);
    o->set("fail_status", f.fail_status);
    o->set("delay_ms", f.delay_ms);
    o->set("close_next", f.close_next);
    return o;
}

class SimulatorHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit SimulatorHandler(std::shared_ptr<SimulatorState> state) : state_(std::move(state)) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        WireResponse answer;
        bool close_mid_response = false;
        try {
            const std::string path = Poco::URI(request.getURI()).getPath();
            const std::string body = readBody(request);
            if (path.starts_with("/control/")) {
                answer = control(request.getMethod(), path, body);
            } else if (path == WireFormat::kRetrievePath || path == WireFormat::kRegisterPath) {
                if (request.getMethod() != "POST") {
                    answer = simpleError(405, "method_not_allowed", "use POST");
                } else {
                    const FaultDecision fault = state_->faults.next();
                    if (fault.delay_ms > 0 && !state_->wait(fault.delay_ms)) {
                        answer = simpleError(503, "shutting_down", "simulator stopping");
                    } else if (fault.fail_status) {
                        answer = simpleError(*fault.fail_status, "unavailable", "injected fault");
                    } else {
                        answer = service(path, body);
                        close_mid_response = fault.close_mid_response;
                    }
                }
            } else {
                answer = simpleError(404, "no_such_endpoint", "unknown path");
            }
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::BadRequest) {
                answer = WireFormat::encodeError(ServiceError::InvalidRequest, e.what());
            } else {
                answer = simpleError(500, "internal", e.what());
            }
        } catch (const std::exception& e) {
            answer = simpleError(500, "internal", e.what());
        }
        send(request, response, answer, close_mid_response);
    }

private:
    static std::string readBody(Poco::Net::HTTPServerRequest& request) {
        std::string body;
        std::istream& in = request.stream();
        char buffer[8192];
        while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
            body.append(buffer, std::size_t(in.gcount()));
            if (body.size() > kMaxRequestBytes) {
                throw Error(ErrorKind::BadRequest, "invalid_request", "request too large");
            }
        }
        return body;
    }

    WireResponse service(const std::string& path, const std::string& body) {
        if (path == WireFormat::kRetrievePath) {
            auto outcome = state_->registry.retrieve(WireFormat::decodeRetrieveRequest(body));
            if (auto* error = std::get_if<ServiceError>(&outcome)) {
                return WireFormat::encodeError(*error);
            }
            return {200, WireFormat::encodeRetrieveResponse(
                             std::get<eprescription::RetrievedPrescription>(outcome))};
        }
        auto outcome = state_->registry.registerResult(WireFormat::decodeRegisterRequest(body));
        if (auto* error = std::get_if<ServiceError>(&outcome))
            return WireFormat::encodeError(*error);
        return {200, WireFormat::encodeRegisterResponse(
                         std::get<eprescription::RegistrationReceipt>(outcome))};
    }

    WireResponse control(const std::string& method, const std::string& path,
                         const std::string& body) {
        if (!state_->control_enabled) return simpleError(404, "no_such_endpoint", "unknown path");
        if (path == "/control/faults" && method == "GET") {
            return {200, jsonText(faultsJson(state_->faults.current()))};
        }
        if (path == "/control/faults" && method == "POST") {
            Poco::JSON::Object::Ptr o = parseObject(body);
            FaultSettings f;
            f.fail_next = intMember(o, "fail_next", 0);
            f.fail_status = intMember(o, "fail_status", 503);
            f.delay_ms = intMember(o, "delay_ms", 0);
            f.close_next = intMember(o, "close_next", 0);
            state_->faults.set(f);
            return {200, jsonText(faultsJson(f))};
        }
        if (path == "/control/prescriptions" && method == "POST") {
            Poco::JSON::Array::Ptr ids = new Poco::JSON::Array;
            for (SeedPrescription& seed : SeedFile::parse(body, tokyoDate(state_->clock.now()))) {
                ids->add(state_->registry.add(std::move(seed)));
            }
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
            o->set("prescription_ids", ids);
            return {200, jsonText(o)};
        }
        if (path == "/control/stats" && method == "GET") {
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
            o->set("requests", state_->faults.requestCount());
            return {200, jsonText(o)};
        }
        if (path == "/control/reset" && method == "POST") {
            state_->faults.set({});
            state_->faults.resetCount();
            state_->registry.clearResults();
            return {200, "{}"};
        }
        return simpleError(404, "no_such_endpoint", "unknown control path or method");
    }

    static Poco::JSON::Object::Ptr parseObject(const std::string& body) {
        try {
            Poco::JSON::Parser parser;
            Poco::Dynamic::Var v = parser.parse(body.empty() ? std::string("{}") : body);
            if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
                return v.extract<Poco::JSON::Object::Ptr>();
            }
        } catch (const Poco::Exception&) {
        }
        throw Error(ErrorKind::BadRequest, "invalid_request", "body must be a JSON object");
    }

    static void send(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                     const WireResponse& answer, bool close_mid_response) {
        response.setStatus(Poco::Net::HTTPResponse::HTTPStatus(answer.status));
        response.setContentType(std::string(WireFormat::kContentType));
        response.setContentLength(std::streamsize(answer.body.size()));
        if (!close_mid_response) {
            response.send() << answer.body;
            return;
        }
        // Promise the whole body, deliver half, and hang up: what a crashed upstream or a
        // dropped connection looks like to the client.
        response.setKeepAlive(false);
        std::ostream& out = response.send();
        out.write(answer.body.data(), std::streamsize(answer.body.size() / 2));
        out.flush();
        try {
            static_cast<Poco::Net::HTTPServerRequestImpl&>(request).socket().shutdown();
        } catch (const Poco::Exception&) {
            // Already gone: that is the point.
        }
    }

    std::shared_ptr<SimulatorState> state_;
};

class SimulatorHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit SimulatorHandlerFactory(std::shared_ptr<SimulatorState> state)
        : state_(std::move(state)) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest&) override {
        return new SimulatorHandler(state_);
    }

private:
    std::shared_ptr<SimulatorState> state_;
};

Poco::Net::Context::Ptr tlsContext(const SimulatorOptions& options) {
    initializeSslOnce();
    try {
        Poco::Net::Context::Params params;
        params.certificateFile = options.certificate_file;
        params.privateKeyFile = options.private_key_file;
        params.caLocation = options.client_ca_file;
        params.verificationMode = options.client_ca_file.empty()
                                      ? Poco::Net::Context::VERIFY_NONE
                                      : Poco::Net::Context::VERIFY_STRICT;
        params.loadDefaultCAs = false;
        Poco::Net::Context::Ptr context =
            new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
        context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
        // Poco's "extended" check matches the peer certificate's names against the peer's
        // address; right for servers, wrong for client certificates, which name the pharmacy.
        context->enableExtendedCertificateVerification(false);
        return context;
    } catch (const Poco::Exception& e) {
        throw Error(ErrorKind::BadRequest, "tls_unusable",
                    "simulator TLS certificate or key unusable: " + e.displayText());
    }
}

}  // namespace

EPrescriptionSimulator::EPrescriptionSimulator(SimulatorOptions options, const Clock& clock)
    : state_(std::make_shared<SimulatorState>(clock, options.control_enabled)) {
    state_->faults.set(options.faults);
    tls_ = !options.certificate_file.empty() && !options.private_key_file.empty();
    pool_ = std::make_unique<Poco::ThreadPool>(2, std::max(2, options.threads));
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setServerName("rxdesk-eprescription-sim");
    params->setMaxThreads(std::max(2, options.threads));
    params->setKeepAlive(true);
    params->setTimeout(Poco::Timespan(30, 0));
    const Poco::Net::SocketAddress address(options.bind_address, Poco::UInt16(options.port));
    try {
        if (tls_) {
            Poco::Net::SecureServerSocket socket(address, 64, tlsContext(options));
            port_ = socket.address().port();
            server_ = std::make_unique<Poco::Net::HTTPServer>(new SimulatorHandlerFactory(state_),
                                                              *pool_, socket, params);
        } else {
            Poco::Net::ServerSocket socket(address, 64);
            port_ = socket.address().port();
            server_ = std::make_unique<Poco::Net::HTTPServer>(new SimulatorHandlerFactory(state_),
                                                              *pool_, socket, params);
        }
    } catch (const Poco::Net::NetException& e) {
        throw Error(ErrorKind::Storage, "bind_failed",
                    "simulator cannot listen: " + e.displayText());
    }
}

EPrescriptionSimulator::~EPrescriptionSimulator() {
    if (running_) stop();
}

void EPrescriptionSimulator::start() {
    state_->resumeWaits();
    server_->start();
    running_ = true;
}

void EPrescriptionSimulator::stop() {
    if (!running_) return;
    running_ = false;
    state_->stopWaits();
    server_->stopAll(true);
    pool_->joinAll();
}

std::string EPrescriptionSimulator::baseUrl() const {
    return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_);
}

PrescriptionRegistry& EPrescriptionSimulator::registry() {
    return state_->registry;
}
FaultInjector& EPrescriptionSimulator::faults() {
    return state_->faults;
}

}  // namespace rxdesk::eprescription_sim
