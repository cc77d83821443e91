#pragma once

#include <chrono>

namespace rxdesk {

using TimePoint = std::chrono::system_clock::time_point;

/// The port through which logic learns the current time, so tests can set it.
class Clock {
public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

}  // namespace rxdesk
