#include "guidance/CandidateOrdering.h"

#include <algorithm>
#include <tuple>

namespace rxdesk::guidance {

std::vector<PharmacistCandidate> orderCandidates(std::vector<PharmacistCandidate> candidates,
                                                 std::string_view preferred_pharmacist_id) {
    auto key = [&](const PharmacistCandidate& c) {
        const bool preferred =
            !preferred_pharmacist_id.empty() && c.pharmacist_id == preferred_pharmacist_id;
        // Negated so that "true"/"more recent" sorts first under ascending comparison.
        const auto recency = c.last_counselled_patient
                                 ? -c.last_counselled_patient->time_since_epoch().count()
                                 : TimePoint::duration::rep{1};
        const auto earliest = c.earliest_available
                                  ? c.earliest_available->time_since_epoch().count()
                                  : TimePoint::duration::max().count();
        return std::make_tuple(!c.earliest_available.has_value(), !preferred,
                               !c.last_counselled_patient.has_value(), recency, earliest,
                               std::string_view{c.pharmacist_id});
    };
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](const auto& a, const auto& b) { return key(a) < key(b); });
    return candidates;
}

}  // namespace rxdesk::guidance
