#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>

#include "workflow/OriginalTrack.h"

namespace rxdesk::workflow {
namespace {

using S = OriginalState;
using A = OriginalAction;

TEST(OriginalTrack, EveryStateActionPairMatchesTheExpectedTable) {
    const std::map<std::pair<S, A>, S> expected{
        {{S::Awaiting, A::RecordArrival}, S::Arrived},
        {{S::Arrived, A::RecordMatch}, S::Matched},
        {{S::Arrived, A::RecordMismatch}, S::Mismatched},
        {{S::Mismatched, A::ResolveMismatch}, S::Resolved},
    };
    for (Channel channel : {Channel::Fax, Channel::ClinicApi}) {
        for (S state : allOriginalStates()) {
            for (A action : allOriginalActions()) {
                SCOPED_TRACE(std::string(name(channel)) + ": " + std::string(name(state)) + " + " +
                             std::string(name(action)));
                auto outcome = OriginalTrack::transition(state, action, channel);
                auto it = expected.find({state, action});
                if (it != expected.end()) {
                    ASSERT_TRUE(outcome) << outcome.refusal().code;
                    EXPECT_EQ(outcome.state(), it->second);
                } else {
                    ASSERT_FALSE(outcome);
                    EXPECT_EQ(outcome.refusal().kind, ErrorKind::Conflict);
                    EXPECT_EQ(outcome.refusal().code,
                              isTerminal(state) ? "state_terminal" : "illegal_transition");
                }
            }
        }
    }
    EXPECT_EQ(OriginalTrack::transitions().size(), expected.size());
}

TEST(OriginalTrack, ChannelsWithoutMailedOriginalHaveNoTrack) {
    EXPECT_EQ(OriginalTrack::initialState(Channel::Fax), S::Awaiting);
    EXPECT_EQ(OriginalTrack::initialState(Channel::ClinicApi), S::Awaiting);
    EXPECT_EQ(OriginalTrack::initialState(Channel::Eprescription), std::nullopt);
    EXPECT_EQ(OriginalTrack::initialState(Channel::Counter), std::nullopt);

    for (Channel channel : {Channel::Eprescription, Channel::Counter}) {
        auto outcome = OriginalTrack::transition(S::Awaiting, A::RecordArrival, channel);
        ASSERT_FALSE(outcome);
        EXPECT_EQ(outcome.refusal().code, "original_not_applicable");
    }
}

TEST(OriginalTrack, TerminalStatesAreMatchedAndResolved) {
    EXPECT_TRUE(isTerminal(S::Matched));
    EXPECT_TRUE(isTerminal(S::Resolved));
    EXPECT_FALSE(isTerminal(S::Awaiting));
    EXPECT_FALSE(isTerminal(S::Arrived));
    EXPECT_FALSE(isTerminal(S::Mismatched));
}

TEST(OriginalTrack, OnlyPharmacistResolvesMismatch) {
    auto clerk =
        OriginalTrack::decide(S::Mismatched, A::ResolveMismatch, StaffRole::Clerk, Channel::Fax);
    ASSERT_FALSE(clerk);
    EXPECT_EQ(clerk.refusal().kind, ErrorKind::Forbidden);
    EXPECT_EQ(clerk.refusal().code, "role_not_permitted");

    auto pharmacist = OriginalTrack::decide(S::Mismatched, A::ResolveMismatch,
                                            StaffRole::Pharmacist, Channel::Fax);
    ASSERT_TRUE(pharmacist);
    EXPECT_EQ(pharmacist.state(), S::Resolved);
}

TEST(OriginalTrack, RoleTable) {
    const struct {
        A action;
        bool pharmacist, clerk, delivery;
    } cases[] = {
        {A::RecordArrival, true, true, false},
        {A::RecordMatch, true, true, false},
        {A::RecordMismatch, true, true, false},
        {A::ResolveMismatch, true, false, false},
    };
    ASSERT_EQ(std::size(cases), allOriginalActions().size());
    for (const auto& c : cases) {
        EXPECT_EQ(OriginalTrack::mayPerform(StaffRole::Pharmacist, c.action), c.pharmacist);
        EXPECT_EQ(OriginalTrack::mayPerform(StaffRole::Clerk, c.action), c.clerk);
        EXPECT_EQ(OriginalTrack::mayPerform(StaffRole::Delivery, c.action), c.delivery);
    }
}

TEST(OriginalTrack, ComparisonOutcomeSelectsTheRecordingAction) {
    EXPECT_EQ(OriginalTrack::actionForComparison(true), A::RecordMatch);
    EXPECT_EQ(OriginalTrack::actionForComparison(false), A::RecordMismatch);
}

TEST(OriginalState, NamesAndLabelsRoundTrip) {
    const std::pair<S, std::pair<const char*, const char*>> cases[] = {
        {S::Awaiting, {"awaiting", "原本未着"}}, {S::Arrived, {"arrived", "原本到着"}},
        {S::Matched, {"matched", "照合一致"}},   {S::Mismatched, {"mismatched", "照合不一致"}},
        {S::Resolved, {"resolved", "解決済"}},
    };
    ASSERT_EQ(std::size(cases), allOriginalStates().size());
    for (const auto& [state, texts] : cases) {
        EXPECT_EQ(name(state), texts.first);
        EXPECT_EQ(label(state), texts.second);
        EXPECT_EQ(parseOriginalState(texts.first), state);
    }
    EXPECT_EQ(parseOriginalState("matching"), std::nullopt);
    for (A action : allOriginalActions()) EXPECT_EQ(parseOriginalAction(name(action)), action);
    EXPECT_EQ(parseOriginalAction("arrive"), std::nullopt);
}

}  // namespace
}  // namespace rxdesk::workflow
