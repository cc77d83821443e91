#pragma once

#include <chrono>

namespace rxdesk::eprescription {

/// The port through which the client waits between retries, so tests need not sleep.
class Sleeper {
public:
    virtual ~Sleeper() = default;
    virtual void sleepFor(std::chrono::milliseconds duration) = 0;
};

/// Sleeps the calling thread.
class ThreadSleeper : public Sleeper {
public:
    void sleepFor(std::chrono::milliseconds duration) override;
};

}  // namespace rxdesk::eprescription
