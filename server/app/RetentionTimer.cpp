#include "app/RetentionTimer.h"

#include <exception>

namespace rxdesk::app {

RetentionTimer::RetentionTimer(std::chrono::seconds first_delay, std::chrono::seconds interval,
                               std::function<void()> job,
                               std::function<void(const std::string&)> on_error)
    : first_delay_(first_delay),
      interval_(interval),
      job_(std::move(job)),
      on_error_(std::move(on_error)) {}

RetentionTimer::~RetentionTimer() {
    stop();
}

void RetentionTimer::start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { loop(); });
}

void RetentionTimer::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void RetentionTimer::loop() {
    auto delay = first_delay_;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            if (wake_.wait_for(lock, delay, [this] { return stopping_; })) return;
        }
        try {
            job_();
        } catch (const std::exception& e) {
            on_error_(e.what());
        }
        delay = interval_;
    }
}

}  // namespace rxdesk::app
