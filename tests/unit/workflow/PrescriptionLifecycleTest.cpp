#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "workflow/PrescriptionLifecycle.h"

namespace rxdesk::workflow {
namespace {

using S = PrescriptionState;
using A = WorkflowAction;

// The expected lifecycle, written out independently of the implementation's table. Every
// (state, action) pair not listed here must be refused.
const std::map<std::pair<S, A>, S>& expectedTransitions() {
    static const std::map<std::pair<S, A>, S> kExpected{
        {{S::Received, A::Verify}, S::Verified},
        {{S::Received, A::OpenInquiry}, S::Inquiry},
        {{S::Received, A::Hold}, S::OnHold},
        {{S::Received, A::Cancel}, S::Cancelled},
        {{S::Received, A::MarkMisdirected}, S::Misdirected},
        {{S::Verified, A::Dispense}, S::Dispensed},
        {{S::Verified, A::OpenInquiry}, S::Inquiry},
        {{S::Verified, A::Hold}, S::OnHold},
        {{S::Verified, A::Cancel}, S::Cancelled},
        {{S::Verified, A::MarkMisdirected}, S::Misdirected},
        {{S::Inquiry, A::ResolveInquiry}, S::Received},
        {{S::Inquiry, A::Hold}, S::OnHold},
        {{S::Inquiry, A::Cancel}, S::Cancelled},
        {{S::Inquiry, A::MarkMisdirected}, S::Misdirected},
        {{S::Dispensed, A::RecordGuidance}, S::Guided},
        {{S::Dispensed, A::OpenInquiry}, S::Inquiry},
        {{S::Dispensed, A::Hold}, S::OnHold},
        {{S::Dispensed, A::Cancel}, S::Cancelled},
        {{S::Guided, A::HandOver}, S::HandedOver},
        {{S::Guided, A::Ship}, S::Shipped},
        {{S::Guided, A::Hold}, S::OnHold},
        {{S::Guided, A::Cancel}, S::Cancelled},
        {{S::HandedOver, A::Complete}, S::Completed},
        {{S::Shipped, A::ConfirmDelivery}, S::Delivered},
        {{S::Delivered, A::Complete}, S::Completed},
        {{S::OnHold, A::ReleaseHold}, S::Dispensed},  // held_from in the permissive context
        {{S::OnHold, A::Cancel}, S::Cancelled},
        {{S::OnHold, A::MarkMisdirected}, S::Misdirected},
    };
    return kExpected;
}

// A context in which no guard fails.
TransitionContext permissive() {
    TransitionContext c;
    c.channel = Channel::Fax;
    c.held_from = S::Dispensed;
    return c;
}

TEST(PrescriptionLifecycle, EveryStateActionPairMatchesTheExpectedTable) {
    const auto& expected = expectedTransitions();
    int legal = 0;
    for (S state : allPrescriptionStates()) {
        for (A action : allWorkflowActions()) {
            SCOPED_TRACE(std::string(name(state)) + " + " + std::string(name(action)));
            auto outcome = PrescriptionLifecycle::transition(state, action, permissive());
            auto it = expected.find({state, action});
            if (it != expected.end()) {
                ++legal;
                ASSERT_TRUE(outcome.accepted()) << outcome.refusal().code;
                EXPECT_EQ(outcome.state(), it->second);
            } else {
                ASSERT_FALSE(outcome.accepted()) << name(outcome.state());
                EXPECT_EQ(outcome.refusal().kind, ErrorKind::Conflict);
                EXPECT_EQ(outcome.refusal().code,
                          isTerminal(state) ? "state_terminal" : "illegal_transition");
                EXPECT_FALSE(outcome.refusal().reason.empty());
            }
        }
    }
    EXPECT_EQ(legal, static_cast<int>(expected.size()));
    EXPECT_EQ(PrescriptionLifecycle::transitions().size(), expected.size());
}

TEST(PrescriptionLifecycle, TerminalStatesAreExactlyCompletedCancelledMisdirected) {
    for (S state : allPrescriptionStates()) {
        const bool terminal =
            state == S::Completed || state == S::Cancelled || state == S::Misdirected;
        EXPECT_EQ(isTerminal(state), terminal) << name(state);
    }
}

TEST(PrescriptionLifecycle, NewPrescriptionsStartReceived) {
    EXPECT_EQ(PrescriptionLifecycle::initialState(), S::Received);
}

TEST(PrescriptionLifecycle, IllegalTransitionExplainsInJapaneseWithBothLabels) {
    auto outcome = PrescriptionLifecycle::transition(S::Received, A::Dispense, permissive());
    ASSERT_FALSE(outcome);
    EXPECT_EQ(outcome.refusal().reason, "「受付」の処方箋に「調剤」は行えません。");
}

struct GuardCase {
    const char* description;
    S state;
    A action;
    void (*adjust)(TransitionContext&);
    const char* code;  // nullptr: accepted
};

const GuardCase kGuardCases[] = {
    {"errors block verify", S::Received, A::Verify,
     [](TransitionContext& c) { c.has_unresolved_errors = true; }, "unresolved_errors"},
    {"errors block dispense", S::Verified, A::Dispense,
     [](TransitionContext& c) { c.has_unresolved_errors = true; }, "unresolved_errors"},
    {"pending inquiry blocks verify", S::Received, A::Verify,
     [](TransitionContext& c) { c.needs_inquiry = true; }, "inquiry_required"},
    {"pending inquiry blocks dispense", S::Verified, A::Dispense,
     [](TransitionContext& c) { c.needs_inquiry = true; }, "inquiry_required"},
    {"errors reported before inquiry", S::Received, A::Verify,
     [](TransitionContext& c) {
         c.has_unresolved_errors = true;
         c.needs_inquiry = true;
     },
     "unresolved_errors"},
    {"pending inquiry does not block opening one", S::Received, A::OpenInquiry,
     [](TransitionContext& c) { c.needs_inquiry = true; }, nullptr},
    {"errors do not block hold", S::Received, A::Hold,
     [](TransitionContext& c) { c.has_unresolved_errors = true; }, nullptr},
    {"errors do not block guidance after dispensing", S::Dispensed, A::RecordGuidance,
     [](TransitionContext& c) { c.has_unresolved_errors = true; }, nullptr},
    {"in-person only blocks ship", S::Guided, A::Ship,
     [](TransitionContext& c) { c.delivery_forbidden = true; }, "delivery_not_allowed"},
    {"in-person only allows hand over", S::Guided, A::HandOver,
     [](TransitionContext& c) { c.delivery_forbidden = true; }, nullptr},
    {"e-prescription needs result registered before completing a hand-over", S::HandedOver,
     A::Complete, [](TransitionContext& c) { c.channel = Channel::Eprescription; },
     "dispensing_result_not_registered"},
    {"e-prescription needs result registered before completing a delivery", S::Delivered,
     A::Complete, [](TransitionContext& c) { c.channel = Channel::Eprescription; },
     "dispensing_result_not_registered"},
    {"e-prescription completes once result registered", S::Delivered, A::Complete,
     [](TransitionContext& c) {
         c.channel = Channel::Eprescription;
         c.dispensing_result_registered = true;
     },
     nullptr},
    {"fax completes without a dispensing result", S::HandedOver, A::Complete,
     [](TransitionContext& c) { c.dispensing_result_registered = false; }, nullptr},
    {"clinic api can be misdirected", S::Received, A::MarkMisdirected,
     [](TransitionContext& c) { c.channel = Channel::ClinicApi; }, nullptr},
    {"e-prescription cannot be misdirected", S::Received, A::MarkMisdirected,
     [](TransitionContext& c) { c.channel = Channel::Eprescription; }, "not_misdirectable"},
    {"walk-in cannot be misdirected", S::OnHold, A::MarkMisdirected,
     [](TransitionContext& c) { c.channel = Channel::Counter; }, "not_misdirectable"},
    {"release without origin refused", S::OnHold, A::ReleaseHold,
     [](TransitionContext& c) { c.held_from.reset(); }, "hold_origin_unknown"},
    {"release to on_hold refused", S::OnHold, A::ReleaseHold,
     [](TransitionContext& c) { c.held_from = S::OnHold; }, "hold_origin_unknown"},
    {"release to a state that cannot be held refused", S::OnHold, A::ReleaseHold,
     [](TransitionContext& c) { c.held_from = S::Shipped; }, "hold_origin_unknown"},
    {"illegal pair reported before guards", S::Received, A::Dispense,
     [](TransitionContext& c) { c.has_unresolved_errors = true; }, "illegal_transition"},
};

TEST(PrescriptionLifecycle, GuardsRefuseWithTheirCode) {
    for (const GuardCase& c : kGuardCases) {
        SCOPED_TRACE(c.description);
        TransitionContext context = permissive();
        c.adjust(context);
        auto outcome = PrescriptionLifecycle::transition(c.state, c.action, context);
        if (c.code == nullptr) {
            EXPECT_TRUE(outcome.accepted()) << outcome.refusal().code;
        } else {
            ASSERT_FALSE(outcome.accepted());
            EXPECT_EQ(outcome.refusal().code, c.code);
            EXPECT_EQ(outcome.refusal().kind, ErrorKind::Conflict);
        }
    }
}

TEST(PrescriptionLifecycle, ReleaseHoldReturnsToEveryHoldableState) {
    for (S origin : {S::Received, S::Verified, S::Inquiry, S::Dispensed, S::Guided}) {
        auto held = PrescriptionLifecycle::transition(origin, A::Hold, permissive());
        ASSERT_TRUE(held);
        EXPECT_EQ(held.state(), S::OnHold);
        TransitionContext context = permissive();
        context.held_from = origin;
        auto released = PrescriptionLifecycle::transition(S::OnHold, A::ReleaseHold, context);
        ASSERT_TRUE(released) << name(origin);
        EXPECT_EQ(released.state(), origin);
    }
}

TEST(PrescriptionLifecycle, UnresolvedErrorMessageNamesTheAction) {
    TransitionContext context = permissive();
    context.has_unresolved_errors = true;
    auto outcome = PrescriptionLifecycle::transition(S::Verified, A::Dispense, context);
    ASSERT_FALSE(outcome);
    EXPECT_NE(outcome.refusal().reason.find("「調剤」"), std::string::npos);
}

TEST(PrescriptionLifecycle, RoleTableMatchesExpectation) {
    // P = pharmacist, C = clerk, D = delivery staff.
    const std::map<A, std::string> expected{
        {A::Verify, "P"},          {A::OpenInquiry, "P"},       {A::ResolveInquiry, "P"},
        {A::Dispense, "P"},        {A::RecordGuidance, "P"},    {A::HandOver, "PC"},
        {A::Ship, "PC"},           {A::ConfirmDelivery, "PCD"}, {A::Complete, "PC"},
        {A::Hold, "PC"},           {A::ReleaseHold, "PC"},      {A::Cancel, "PC"},
        {A::MarkMisdirected, "P"},
    };
    ASSERT_EQ(expected.size(), allWorkflowActions().size());
    for (A action : allWorkflowActions()) {
        const std::string& roles = expected.at(action);
        EXPECT_EQ(PrescriptionLifecycle::mayPerform(StaffRole::Pharmacist, action),
                  roles.find('P') != std::string::npos)
            << name(action);
        EXPECT_EQ(PrescriptionLifecycle::mayPerform(StaffRole::Clerk, action),
                  roles.find('C') != std::string::npos)
            << name(action);
        EXPECT_EQ(PrescriptionLifecycle::mayPerform(StaffRole::Delivery, action),
                  roles.find('D') != std::string::npos)
            << name(action);
    }
}

TEST(PrescriptionLifecycle, DecideRefusesForbiddenRoleBeforeLookingAtState) {
    auto outcome =
        PrescriptionLifecycle::decide(S::Received, A::Verify, StaffRole::Clerk, permissive());
    ASSERT_FALSE(outcome);
    EXPECT_EQ(outcome.refusal().kind, ErrorKind::Forbidden);
    EXPECT_EQ(outcome.refusal().code, "role_not_permitted");
    EXPECT_EQ(outcome.refusal().reason, "「事務」は「監査」を行えません。");

    auto allowed =
        PrescriptionLifecycle::decide(S::Received, A::Hold, StaffRole::Clerk, permissive());
    ASSERT_TRUE(allowed);
    EXPECT_EQ(allowed.state(), S::OnHold);

    auto state_refusal =
        PrescriptionLifecycle::decide(S::Completed, A::Verify, StaffRole::Pharmacist, permissive());
    ASSERT_FALSE(state_refusal);
    EXPECT_EQ(state_refusal.refusal().code, "state_terminal");
}

TEST(PrescriptionLifecycle, AvailableActionsCombineTableGuardsAndRole) {
    TransitionContext context = permissive();
    using V = std::vector<A>;
    EXPECT_EQ(PrescriptionLifecycle::availableActions(S::Received, StaffRole::Pharmacist, context),
              (V{A::Verify, A::OpenInquiry, A::Hold, A::Cancel, A::MarkMisdirected}));
    EXPECT_EQ(PrescriptionLifecycle::availableActions(S::Received, StaffRole::Clerk, context),
              (V{A::Hold, A::Cancel}));
    EXPECT_EQ(PrescriptionLifecycle::availableActions(S::Shipped, StaffRole::Delivery, context),
              (V{A::ConfirmDelivery}));
    context.needs_inquiry = true;
    context.channel = Channel::Eprescription;
    EXPECT_EQ(PrescriptionLifecycle::availableActions(S::Received, StaffRole::Pharmacist, context),
              (V{A::OpenInquiry, A::Hold, A::Cancel}));
    EXPECT_TRUE(
        PrescriptionLifecycle::availableActions(S::Cancelled, StaffRole::Pharmacist, context)
            .empty());
}

TEST(PrescriptionLifecycle, HappyPathsForCounterAndDelivery) {
    TransitionContext context = permissive();
    S s = PrescriptionLifecycle::initialState();
    for (A a :
         {A::Verify, A::Dispense, A::RecordGuidance, A::Ship, A::ConfirmDelivery, A::Complete}) {
        auto outcome = PrescriptionLifecycle::transition(s, a, context);
        ASSERT_TRUE(outcome) << name(a);
        s = outcome.state();
    }
    EXPECT_EQ(s, S::Completed);

    s = PrescriptionLifecycle::initialState();
    for (A a : {A::OpenInquiry, A::ResolveInquiry, A::Verify, A::Dispense, A::RecordGuidance,
                A::HandOver, A::Complete}) {
        auto outcome = PrescriptionLifecycle::transition(s, a, context);
        ASSERT_TRUE(outcome) << name(a);
        s = outcome.state();
    }
    EXPECT_EQ(s, S::Completed);
}

TEST(PrescriptionLifecycle, RefusalConvertsToProjectError) {
    auto outcome = PrescriptionLifecycle::transition(S::Cancelled, A::Verify, permissive());
    ASSERT_FALSE(outcome);
    Error error = outcome.refusal().toError();
    EXPECT_EQ(error.kind(), ErrorKind::Conflict);
    EXPECT_EQ(error.code(), "state_terminal");
    EXPECT_STREQ(error.what(), "「取消」の処方箋はこれ以上変更できません。");
}

TEST(PrescriptionState, NamesAndLabelsRoundTrip) {
    const std::pair<S, std::pair<const char*, const char*>> cases[] = {
        {S::Received, {"received", "受付"}},     {S::Verified, {"verified", "監査済"}},
        {S::Inquiry, {"inquiry", "疑義照会中"}}, {S::Dispensed, {"dispensed", "調剤済"}},
        {S::Guided, {"guided", "服薬指導済"}},   {S::HandedOver, {"handed_over", "交付済"}},
        {S::Shipped, {"shipped", "発送済"}},     {S::Delivered, {"delivered", "配達済"}},
        {S::Completed, {"completed", "完了"}},   {S::OnHold, {"on_hold", "保留"}},
        {S::Cancelled, {"cancelled", "取消"}},   {S::Misdirected, {"misdirected", "誤送信"}},
    };
    ASSERT_EQ(std::size(cases), allPrescriptionStates().size());
    for (const auto& [state, texts] : cases) {
        EXPECT_EQ(name(state), texts.first);
        EXPECT_EQ(label(state), texts.second);
        EXPECT_EQ(parsePrescriptionState(texts.first), state);
    }
    EXPECT_EQ(parsePrescriptionState("Received"), std::nullopt);
    EXPECT_EQ(parsePrescriptionState(""), std::nullopt);
    EXPECT_EQ(parsePrescriptionState("受付"), std::nullopt);
}

TEST(WorkflowAction, NamesRoundTripAndAreSnakeCase) {
    const char* names[] = {
        "verify",       "open_inquiry", "resolve_inquiry",  "dispense", "record_guidance",
        "hand_over",    "ship",         "confirm_delivery", "complete", "hold",
        "release_hold", "cancel",       "mark_misdirected"};
    ASSERT_EQ(std::size(names), allWorkflowActions().size());
    for (size_t i = 0; i < std::size(names); ++i) {
        A action = allWorkflowActions()[i];
        EXPECT_EQ(name(action), names[i]);
        EXPECT_EQ(parseWorkflowAction(names[i]), action);
        EXPECT_FALSE(label(action).empty());
    }
    EXPECT_EQ(parseWorkflowAction("hand-over"), std::nullopt);
}

TEST(Channel, NamesRoundTripAndOriginalRules) {
    const struct {
        Channel channel;
        const char* name;
        bool mailed_original;
        bool misdirectable;
    } cases[] = {
        {Channel::Fax, "fax", true, true},
        {Channel::ClinicApi, "clinic_api", true, true},
        {Channel::Eprescription, "eprescription", false, false},
        {Channel::Counter, "counter", false, false},
    };
    ASSERT_EQ(std::size(cases), allChannels().size());
    for (const auto& c : cases) {
        EXPECT_EQ(name(c.channel), c.name);
        EXPECT_EQ(parseChannel(c.name), c.channel);
        EXPECT_EQ(expectsMailedOriginal(c.channel), c.mailed_original) << c.name;
        EXPECT_EQ(canBeMisdirected(c.channel), c.misdirectable) << c.name;
    }
    EXPECT_EQ(parseChannel("email"), std::nullopt);
}

TEST(StaffRole, NamesRoundTrip) {
    for (StaffRole role : allStaffRoles()) EXPECT_EQ(parseStaffRole(name(role)), role);
    EXPECT_EQ(parseStaffRole("admin"), std::nullopt);
}

}  // namespace
}  // namespace rxdesk::workflow
