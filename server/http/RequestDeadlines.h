#pragma once

#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>

namespace rxdesk::http {

/// Cuts off clients that send a request too slowly (slowloris): Poco's timeout limits the
/// gap between two reads, not the whole request, so a client trickling a byte a second could
/// hold a worker thread for ever. Every connection is watched from the moment it is accepted
/// and again after each response: if its next request (headers and body) has not been read
/// within `limit`, a watchdog thread shuts the socket down. While a handler works on a request
/// that was read in time there is no deadline.
class RequestDeadlines {
public:
    explicit RequestDeadlines(std::chrono::milliseconds limit);
    ~RequestDeadlines();
    RequestDeadlines(const RequestDeadlines&) = delete;
    RequestDeadlines& operator=(const RequestDeadlines&) = delete;

    /// Watches `socket` for as long as the returned object lives, on the calling thread
    /// (the connection's). Starts the first deadline.
    class Watch {
    public:
        Watch(RequestDeadlines& owner, const Poco::Net::StreamSocket& socket);
        ~Watch();

    private:
        RequestDeadlines& owner_;
        std::uint64_t id_;
    };

    /// On the connection's thread: the request has been read; no deadline while it is handled.
    static void requestRead();
    /// On the connection's thread: the response has been sent; the next request must arrive
    /// within the limit.
    static void responseSent();

private:
    struct Entry {
        Poco::Net::StreamSocket socket;
        std::chrono::steady_clock::time_point deadline;
        bool active = true;
    };
    void set(std::uint64_t id, bool active);
    void loop();

    std::chrono::milliseconds limit_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::map<std::uint64_t, Entry> entries_;
    std::uint64_t next_id_ = 1;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace rxdesk::http
