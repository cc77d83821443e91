#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace rxdesk::app {

/// Runs a job on its own thread: once shortly after start, then every `interval`. A failing
/// run is reported through `on_error` and retried at the next interval. Used for the daily
/// retention job (rxdesk.retention.*).
class RetentionTimer {
public:
    RetentionTimer(std::chrono::seconds first_delay, std::chrono::seconds interval,
                   std::function<void()> job, std::function<void(const std::string&)> on_error);
    ~RetentionTimer();

    /// Starts the thread; idempotent.
    void start();
    /// Wakes the thread, waits for a run in progress to finish, joins; idempotent.
    void stop();

private:
    void loop();

    std::chrono::seconds first_delay_;
    std::chrono::seconds interval_;
    std::function<void()> job_;
    std::function<void(const std::string&)> on_error_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace rxdesk::app
