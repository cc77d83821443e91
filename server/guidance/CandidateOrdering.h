#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Clock.h"

namespace rxdesk::guidance {

/// A pharmacist who could counsel the patient, with facts the store and planSlots supply.
struct PharmacistCandidate {
    std::string pharmacist_id;
    /// Start of the earliest available slot in the window being offered; nullopt when none.
    std::optional<TimePoint> earliest_available;
    /// When this pharmacist last counselled the patient; nullopt when never.
    std::optional<TimePoint> last_counselled_patient;
};

/// Orders candidates for offering to the patient:
/// 1. candidates with an available slot before those without;
/// 2. the patient's かかりつけ pharmacist (`preferred_pharmacist_id`, may be empty) first;
/// 3. pharmacists who counselled the patient before, most recent first (continuity);
/// 4. earliest available slot first;
/// 5. pharmacist_id, so the order is deterministic.
/// Candidates without a slot are kept (the counter UI shows them as full), not dropped.
std::vector<PharmacistCandidate> orderCandidates(std::vector<PharmacistCandidate> candidates,
                                                 std::string_view preferred_pharmacist_id);

}  // namespace rxdesk::guidance
