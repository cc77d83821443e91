#include "core/SystemClock.h"

namespace rxdesk {

TimePoint SystemClock::now() const { return std::chrono::system_clock::now(); }

}  // namespace rxdesk
