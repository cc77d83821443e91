#pragma once

#include <optional>
#include <string>

#include "core/TokyoTime.h"
#include "guidance/GuidanceFee.h"
#include "guidance/GuidanceRecord.h"

namespace rxdesk::scheduling {

/// A guidance record as kept: what the pharmacist recorded, the facts the fee was decided on,
/// and the fee with its reason.
struct StoredRecord {
    std::int64_t appointment_id = 0;
    std::int64_t pharmacist_id = 0;
    std::string patient_ref;
    guidance::GuidanceRecord record;
    guidance::FeeHistory history;
    guidance::Fee fee;
    TimePoint recorded_at{};
    std::string recorded_by;
};

}  // namespace rxdesk::scheduling
