#include "scheduling/NotificationPump.h"

#include <Poco/Logger.h>

namespace rxdesk::scheduling {

NotificationPump::NotificationPump(notify::Dispatcher& dispatcher,
                                   std::chrono::milliseconds interval)
    : dispatcher_(dispatcher), interval_(interval) {}

NotificationPump::~NotificationPump() {
    stop();
}

void NotificationPump::start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stop_requested_ = false;
    thread_ = std::thread([this] { loop(); });
}

void NotificationPump::stop() {
    {
        std::lock_guard lock(mutex_);
        if (!thread_.joinable()) return;
        stop_requested_ = true;
    }
    cv_.notify_all();
    thread_.join();
    std::lock_guard lock(mutex_);
    thread_ = std::thread();
}

void NotificationPump::wake() {
    {
        std::lock_guard lock(mutex_);
        wake_requested_ = true;
    }
    cv_.notify_all();
}

bool NotificationPump::running() const {
    std::lock_guard lock(mutex_);
    return thread_.joinable();
}

notify::DispatchStats NotificationPump::runNow() {
    std::lock_guard round(round_mutex_);
    return dispatcher_.drain();
}

void NotificationPump::loop() {
    Poco::Logger& log = Poco::Logger::get("rxdesk.notify");
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            cv_.wait_for(lock, interval_, [this] { return stop_requested_ || wake_requested_; });
            if (stop_requested_) return;
            wake_requested_ = false;
        }
        try {
            const auto stats = runNow();
            if (stats.claimed > 0)
                log.information("notify: claimed=" + std::to_string(stats.claimed) +
                                " sent=" + std::to_string(stats.sent) +
                                " retry=" + std::to_string(stats.retry_scheduled) +
                                " failed=" + std::to_string(stats.failed) +
                                " stale=" + std::to_string(stats.stale));
        } catch (const std::exception& e) {
            // Error messages of the store name no data; the round is simply tried again.
            log.error(std::string("notify: dispatcher round failed: ") + e.what());
        }
    }
}

}  // namespace rxdesk::scheduling
