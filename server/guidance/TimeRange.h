#pragma once

#include "core/Clock.h"

namespace rxdesk::guidance {

/// A half-open interval of instants [start, end). Empty when end <= start.
struct TimeRange {
    TimePoint start;
    TimePoint end;

    /// True when the two ranges share at least one instant (touching ends do not overlap).
    bool overlaps(const TimeRange& other) const {
        return start < other.end && other.start < end && start < end && other.start < other.end;
    }
};

}  // namespace rxdesk::guidance
