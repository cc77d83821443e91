#pragma once

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace rxdesk::notify::test {

/// One request as the upstream received it. Header names are lower-cased.
struct RecordedRequest {
    std::string method;
    std::string uri;
    std::map<std::string, std::string> headers;
    std::string body;

    std::string header(const std::string& lower_name) const {
        auto it = headers.find(lower_name);
        return it == headers.end() ? std::string() : it->second;
    }
};

/// A local HTTP server on 127.0.0.1 (ephemeral port) standing in for the webhook receiver and
/// the SMS gateway. Records every request, answers 202 unless a fault is queued. Faults are
/// consumed in order, one per request.
class FakeHttpUpstream {
public:
    enum class Fault { Status, Delay, Reset };

    FakeHttpUpstream();
    ~FakeHttpUpstream();

    /// "http://127.0.0.1:<port><path>".
    std::string url(const std::string& path) const;

    /// The next `count` requests are answered with `status`.
    void failNext(int count, int status);
    /// The next `count` requests are answered (202) only after `delay`.
    void delayNext(int count, std::chrono::milliseconds delay);
    /// The next `count` connections are reset (RST) after the request is read, unanswered.
    void resetNext(int count);

    std::vector<RecordedRequest> requests() const;

    struct State;

private:
    std::shared_ptr<State> state_;
    // Owned so the destructor can wait for every connection thread (a delayed handler must
    // not outlive the test).
    Poco::ThreadPool pool_{2, 8};
    std::unique_ptr<Poco::Net::HTTPServer> server_;
    unsigned short port_ = 0;
};

}  // namespace rxdesk::notify::test
