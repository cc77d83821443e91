#pragma once

#include "core/Clock.h"

namespace rxdesk {

/// The wall clock.
class SystemClock : public Clock {
public:
    TimePoint now() const override;
};

}  // namespace rxdesk
