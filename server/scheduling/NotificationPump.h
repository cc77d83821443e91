#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "notify/Dispatcher.h"

namespace rxdesk::scheduling {

/// Runs a notify::Dispatcher on its own thread: one drain() every `interval` (sooner after
/// wake()). Failures of a round (the store unavailable, …) are logged without patient data
/// and retried next round; nothing is lost because the outbox is persistent.
class NotificationPump {
public:
    /// Keeps a reference to the dispatcher, which must outlive the pump.
    NotificationPump(notify::Dispatcher& dispatcher, std::chrono::milliseconds interval);
    /// Stops the thread.
    ~NotificationPump();
    NotificationPump(const NotificationPump&) = delete;
    NotificationPump& operator=(const NotificationPump&) = delete;

    /// Starts the thread; a second call does nothing.
    void start();
    /// Stops the thread after the round in progress; idempotent.
    void stop();
    /// Asks for a round now (e.g. after a booking enqueued a confirmation).
    void wake();
    /// One drain on the caller's thread (tests, the CLI). Serialised with the thread's rounds.
    notify::DispatchStats runNow();

    bool running() const;

private:
    void loop();

    notify::Dispatcher& dispatcher_;
    std::chrono::milliseconds interval_;
    mutable std::mutex mutex_;
    std::mutex round_mutex_;
    std::condition_variable cv_;
    bool stop_requested_ = false;
    bool wake_requested_ = false;
    std::thread thread_;
};

}  // namespace rxdesk::scheduling
