#include "http/RequestDeadlines.h"

namespace rxdesk::http {
namespace {

struct CurrentWatch {
    RequestDeadlines* owner = nullptr;
    std::uint64_t id = 0;
};
thread_local CurrentWatch tl_watch;

}  // namespace

RequestDeadlines::RequestDeadlines(std::chrono::milliseconds limit)
    : limit_(limit), thread_([this] { loop(); }) {}

RequestDeadlines::~RequestDeadlines() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

RequestDeadlines::Watch::Watch(RequestDeadlines& owner, const Poco::Net::StreamSocket& socket)
    : owner_(owner) {
    std::lock_guard lock(owner.mutex_);
    id_ = owner.next_id_++;
    owner.entries_[id_] = Entry{socket, std::chrono::steady_clock::now() + owner.limit_, true};
    tl_watch = {&owner, id_};
}

RequestDeadlines::Watch::~Watch() {
    std::lock_guard lock(owner_.mutex_);
    owner_.entries_.erase(id_);
    tl_watch = {};
}

void RequestDeadlines::set(std::uint64_t id, bool active) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(id);
    if (it == entries_.end()) return;
    it->second.active = active;
    it->second.deadline = std::chrono::steady_clock::now() + limit_;
}

void RequestDeadlines::requestRead() {
    if (tl_watch.owner) tl_watch.owner->set(tl_watch.id, false);
}

void RequestDeadlines::responseSent() {
    if (tl_watch.owner) tl_watch.owner->set(tl_watch.id, true);
}

void RequestDeadlines::loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, std::chrono::milliseconds(100));
        const auto now = std::chrono::steady_clock::now();
        for (auto& [id, entry] : entries_) {
            if (!entry.active || entry.deadline > now) continue;
            entry.active = false;
            try {
                // Wakes the connection's blocked read; it then ends the connection.
                entry.socket.shutdown();
            } catch (...) {
            }
        }
    }
}

}  // namespace rxdesk::http
