#pragma once

#include <atomic>

#include "core/Clock.h"

namespace rxdesk::testing {

/// A clock the test moves by hand. Starts at a fixed instant.
class ManualClock : public Clock {
public:
    explicit ManualClock(TimePoint start = TimePoint{std::chrono::seconds{1'790'000'000}})
        : ticks_(start.time_since_epoch().count()) {}

    TimePoint now() const override { return TimePoint{TimePoint::duration{ticks_.load()}}; }
    void set(TimePoint t) { ticks_ = t.time_since_epoch().count(); }
    void advance(std::chrono::seconds by) {
        ticks_ += std::chrono::duration_cast<TimePoint::duration>(by).count();
    }

private:
    std::atomic<TimePoint::rep> ticks_;
};

}  // namespace rxdesk::testing
