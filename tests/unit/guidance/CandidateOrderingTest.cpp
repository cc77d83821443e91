#include <gtest/gtest.h>

#include "GuidanceTestSupport.h"
#include "guidance/CandidateOrdering.h"

namespace rxdesk::guidance {
namespace {

using test::at;

std::vector<std::string> ids(const std::vector<PharmacistCandidate>& candidates) {
    std::vector<std::string> out;
    for (const auto& c : candidates) out.push_back(c.pharmacist_id);
    return out;
}

TEST(CandidateOrdering, OrdersByAvailabilityThenKakaritsukeThenContinuityThenEarliestSlot) {
    const auto t9 = at("2026-11-24T09:00:00+09:00");
    const auto t10 = at("2026-11-24T10:00:00+09:00");
    const auto t11 = at("2026-11-24T11:00:00+09:00");
    const auto last_month = at("2026-10-20T10:00:00+09:00");
    const auto last_year = at("2025-10-20T10:00:00+09:00");
    struct Case {
        const char* name;
        std::vector<PharmacistCandidate> candidates;
        const char* preferred;
        std::vector<std::string> expected;
    } cases[] = {
        {"earliest slot first, then id",
         {{"ph-c", t10, {}}, {"ph-b", t9, {}}, {"ph-a", t10, {}}},
         "",
         {"ph-b", "ph-a", "ph-c"}},
        {"kakaritsuke first even with a later slot",
         {{"ph-a", t9, {}}, {"ph-k", t11, {}}, {"ph-b", t10, {}}},
         "ph-k",
         {"ph-k", "ph-a", "ph-b"}},
        {"kakaritsuke without a slot goes after those with one",
         {{"ph-k", std::nullopt, last_month}, {"ph-a", t11, {}}, {"ph-z", std::nullopt, {}}},
         "ph-k",
         {"ph-a", "ph-k", "ph-z"}},
        {"pharmacists who saw the patient before come next, most recent first",
         {{"ph-a", t9, {}}, {"ph-old", t11, last_year}, {"ph-new", t10, last_month}},
         "",
         {"ph-new", "ph-old", "ph-a"}},
        {"kakaritsuke beats continuity",
         {{"ph-new", t9, last_month}, {"ph-k", t11, {}}},
         "ph-k",
         {"ph-k", "ph-new"}},
        {"unknown preferred id changes nothing",
         {{"ph-b", t10, {}}, {"ph-a", t9, {}}},
         "ph-x",
         {"ph-a", "ph-b"}},
        {"empty", {}, "ph-k", {}},
    };
    for (const auto& c : cases)
        EXPECT_EQ(ids(orderCandidates(c.candidates, c.preferred)), c.expected) << c.name;
}

}  // namespace
}  // namespace rxdesk::guidance
