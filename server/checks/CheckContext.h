#pragma once

#include "checks/Channel.h"
#include "checks/DrugClassifier.h"
#include "core/TokyoTime.h"

namespace rxdesk::checks {

/// Everything a rule needs besides the prescription. The classifier must outlive the check.
struct CheckContext {
    Channel channel = Channel::Counter;
    Date today;  ///< today's date in Asia/Tokyo (tokyoDate(clock.now()))
    const DrugClassifier& classifier;
};

}  // namespace rxdesk::checks
