#include "eprescription/RetryPolicy.h"

#include <algorithm>

namespace rxdesk::eprescription {

std::chrono::milliseconds RetryPolicy::delayAfter(int failed_attempt, double random01) const {
    // Double in floating point so a large attempt number saturates at the cap instead of
    // overflowing.
    double base = double(initial_.count());
    for (int i = 1; i < failed_attempt && base < double(max_.count()); ++i) base *= 2;
    base = std::min(base, double(max_.count()));
    const double r = std::clamp(random01, 0.0, 1.0);
    return std::chrono::milliseconds(static_cast<long long>(base * (1.0 - jitter_ * r)));
}

}  // namespace rxdesk::eprescription
