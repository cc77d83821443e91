#include "FakeHttpUpstream.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <optional>

namespace rxdesk::notify::test {

struct FakeHttpUpstream::State {
    struct Planned {
        Fault fault;
        int status = 0;
        std::chrono::milliseconds delay{0};
    };
    mutable std::mutex mutex;
    std::condition_variable stopped;
    bool stopping = false;
    std::deque<Planned> faults;
    std::vector<RecordedRequest> requests;
};

namespace {

class RecordingHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit RecordingHandler(std::shared_ptr<FakeHttpUpstream::State> state)
        : state_(std::move(state)) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        RecordedRequest r;
        r.method = request.getMethod();
        r.uri = request.getURI();
        for (const auto& [name, value] : request) {
            std::string lower = name;
            std::transform(lower.begin(), lower.end(), lower.begin(),
                           [](unsigned char c) { return char(std::tolower(c)); });
            r.headers[lower] = value;
        }
        Poco::StreamCopier::copyToString(request.stream(), r.body);

        std::optional<FakeHttpUpstream::State::Planned> planned;
        {
            std::lock_guard lock(state_->mutex);
            state_->requests.push_back(r);
            if (!state_->faults.empty()) {
                planned = state_->faults.front();
                state_->faults.pop_front();
            }
        }
        int status = 202;
        if (planned) {
            switch (planned->fault) {
                case FakeHttpUpstream::Fault::Status:
                    status = planned->status;
                    break;
                case FakeHttpUpstream::Fault::Delay: {
                    std::unique_lock lock(state_->mutex);
                    state_->stopped.wait_for(lock, planned->delay,
                                             [&] { return state_->stopping; });
                    break;
                }
                case FakeHttpUpstream::Fault::Reset: {
                    auto& socket = static_cast<Poco::Net::HTTPServerRequestImpl&>(request).socket();
                    // Linger 0 makes close() send RST instead of FIN.
                    socket.setLinger(true, 0);
                    socket.close();
                    return;
                }
            }
        }
        response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
        response.setContentType("application/json");
        response.setKeepAlive(false);
        response.send() << R"({"accepted":true})";
    }

private:
    std::shared_ptr<FakeHttpUpstream::State> state_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(std::shared_ptr<FakeHttpUpstream::State> state) : state_(std::move(state)) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest&) override {
        return new RecordingHandler(state_);
    }

private:
    std::shared_ptr<FakeHttpUpstream::State> state_;
};

}  // namespace

FakeHttpUpstream::FakeHttpUpstream() : state_(std::make_shared<State>()) {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    port_ = socket.address().port();
    auto params = new Poco::Net::HTTPServerParams;
    params->setKeepAlive(false);
    params->setMaxThreads(4);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(state_), pool_, socket, params);
    server_->start();
}

FakeHttpUpstream::~FakeHttpUpstream() {
    {
        std::lock_guard lock(state_->mutex);
        state_->stopping = true;
    }
    state_->stopped.notify_all();
    server_->stopAll(true);
    pool_.joinAll();
    server_.reset();
}

std::string FakeHttpUpstream::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
}

void FakeHttpUpstream::failNext(int count, int status) {
    std::lock_guard lock(state_->mutex);
    for (int i = 0; i < count; ++i) state_->faults.push_back({Fault::Status, status, {}});
}

void FakeHttpUpstream::delayNext(int count, std::chrono::milliseconds delay) {
    std::lock_guard lock(state_->mutex);
    for (int i = 0; i < count; ++i) state_->faults.push_back({Fault::Delay, 0, delay});
}

void FakeHttpUpstream::resetNext(int count) {
    std::lock_guard lock(state_->mutex);
    for (int i = 0; i < count; ++i) state_->faults.push_back({Fault::Reset, 0, {}});
}

std::vector<RecordedRequest> FakeHttpUpstream::requests() const {
    std::lock_guard lock(state_->mutex);
    return state_->requests;
}

}  // namespace rxdesk::notify::test
