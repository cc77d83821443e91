#include <gtest/gtest.h>

#include "NotifyTestSupport.h"
#include "core/Error.h"
#include "notify/Notification.h"

namespace rxdesk::notify {
namespace {

using test::at;
using namespace std::chrono_literals;

TEST(Notification, CodesRoundTrip) {
    for (auto k : {NotificationKind::BookingConfirmation, NotificationKind::Reminder,
                   NotificationKind::Change, NotificationKind::Cancellation})
        EXPECT_EQ(parseKind(kindCode(k)), k);
    for (auto c : {Channel::Webhook, Channel::Sms, Channel::Email})
        EXPECT_EQ(parseChannel(channelCode(c)), c);
    for (auto s : {NotificationState::Pending, NotificationState::Sending, NotificationState::Sent,
                   NotificationState::FailedPermanently, NotificationState::Cancelled})
        EXPECT_EQ(parseState(stateCode(s)), s);
    EXPECT_EQ(kindCode(NotificationKind::BookingConfirmation), "booking_confirmation");
    EXPECT_EQ(stateCode(NotificationState::FailedPermanently), "failed_permanently");
    EXPECT_FALSE(parseKind("Reminder").has_value());
    EXPECT_FALSE(parseChannel("").has_value());
    EXPECT_FALSE(parseState("done").has_value());
}

TEST(Notification, OnlySentAndFailedAreFinal) {
    EXPECT_TRUE(isFinal(NotificationState::Sent));
    EXPECT_TRUE(isFinal(NotificationState::FailedPermanently));
    EXPECT_FALSE(isFinal(NotificationState::Cancelled));
    EXPECT_FALSE(isFinal(NotificationState::Pending));
    EXPECT_FALSE(isFinal(NotificationState::Sending));
}

TEST(Notification, DedupKeyNamesAppointmentKindChannelAndDiscriminator) {
    EXPECT_EQ(dedupKey("a-17", NotificationKind::Reminder, Channel::Sms, "2026-11-23T05:30:00Z"),
              "appt:a-17:reminder:sms:2026-11-23T05:30:00Z");
}

TEST(Notification, DedupKeyDiffersPerChannelAndKind) {
    const auto base = dedupKey("a-1", NotificationKind::Reminder, Channel::Email, "t");
    EXPECT_NE(base, dedupKey("a-1", NotificationKind::Reminder, Channel::Sms, "t"));
    EXPECT_NE(base, dedupKey("a-1", NotificationKind::Change, Channel::Email, "t"));
    EXPECT_NE(base, dedupKey("a-2", NotificationKind::Reminder, Channel::Email, "t"));
}

TEST(Notification, DedupKeyNeedsAnAppointmentId) {
    EXPECT_THROW(dedupKey("", NotificationKind::Reminder, Channel::Sms, "t"), Error);
}

TEST(Notification, IdIsStableForTheSameDedupKey) {
    const auto id = notificationIdFor("appt:a-1:reminder:sms:x");
    EXPECT_EQ(id, notificationIdFor("appt:a-1:reminder:sms:x"));
    EXPECT_NE(id, notificationIdFor("appt:a-1:reminder:sms:y"));
    EXPECT_EQ(id.rfind("ntf_", 0), 0u);
    EXPECT_EQ(id.size(), 4u + 32u);
}

TEST(Notification, PrepareForEnqueueFillsDefaults) {
    auto n = test::sampleNotification("a-1", at("2026-11-23T14:30:00+09:00"));
    n.state = NotificationState::Sent;
    n.attempts = 3;
    n.claim_token = "stale";
    n.lease_until = at("2026-11-01T00:00:00Z");
    const auto now = at("2026-11-20T10:00:00+09:00");
    const auto p = prepareForEnqueue(n, now);
    EXPECT_EQ(p.id, notificationIdFor(n.dedup_key));
    EXPECT_EQ(p.state, NotificationState::Pending);
    EXPECT_EQ(p.attempts, 0);
    EXPECT_EQ(p.next_attempt_at, n.due_at);
    EXPECT_TRUE(p.claim_token.empty());
    EXPECT_FALSE(p.lease_until.has_value());
    EXPECT_EQ(p.created_at, now);
}

TEST(Notification, PrepareForEnqueueKeepsAnExplicitId) {
    auto n = test::sampleNotification("a-1", at("2026-11-23T14:30:00+09:00"));
    n.id = "ntf_custom";
    EXPECT_EQ(prepareForEnqueue(n, {}).id, "ntf_custom");
}

TEST(Notification, PrepareForEnqueueRejectsIncompleteOrUnsafeInput) {
    struct Case {
        const char* name;
        void (*edit)(Notification&);
        const char* code;
    } cases[] = {
        {"no key", [](Notification& n) { n.dedup_key.clear(); }, "missing_dedup_key"},
        {"no recipient", [](Notification& n) { n.recipient.clear(); }, "missing_recipient"},
        {"CRLF in recipient",
         [](Notification& n) { n.recipient = "a@example.jp\r\nRCPT TO:<b@example.jp>"; },
         "invalid_recipient"},
        {"no body", [](Notification& n) { n.body.clear(); }, "missing_body"},
    };
    for (const auto& c : cases) {
        auto n = test::sampleNotification("a-1", at("2026-11-23T14:30:00+09:00"));
        c.edit(n);
        try {
            prepareForEnqueue(n, {});
            ADD_FAILURE() << c.name;
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), c.code) << c.name;
            EXPECT_EQ(std::string(e.what()).find("example.jp"), std::string::npos) << c.name;
        }
    }
}

TEST(Notification, ClaimCountsTheAttemptAndSetsTheLease) {
    auto n = prepareForEnqueue(test::sampleNotification("a-1", at("2026-11-23T05:30:00Z")), {});
    const auto now = at("2026-11-23T05:30:10Z");
    const auto c = claimed(n, now, 120s, "tok");
    EXPECT_EQ(c.state, NotificationState::Sending);
    EXPECT_EQ(c.attempts, 1);
    EXPECT_EQ(c.lease_until, now + 120s);
    EXPECT_EQ(c.claim_token, "tok");
}

TEST(Notification, ClaimableWhenDueOrWhenTheLeaseExpired) {
    auto n = prepareForEnqueue(test::sampleNotification("a-1", at("2026-11-23T05:30:00Z")), {});
    EXPECT_FALSE(isClaimable(n, at("2026-11-23T05:29:59Z")));
    EXPECT_TRUE(isClaimable(n, at("2026-11-23T05:30:00Z")));
    const auto c = claimed(n, at("2026-11-23T05:30:00Z"), 60s, "t");
    EXPECT_FALSE(isClaimable(c, at("2026-11-23T05:30:59Z")));
    EXPECT_TRUE(isClaimable(c, at("2026-11-23T05:31:00Z")));
    for (auto s : {NotificationState::Sent, NotificationState::FailedPermanently,
                   NotificationState::Cancelled}) {
        auto f = n;
        f.state = s;
        EXPECT_FALSE(isClaimable(f, at("2030-01-01T00:00:00Z")));
    }
}

TEST(Notification, LogDescriptionLeavesOutPatientData) {
    auto n = test::sampleNotification("a-1", at("2026-11-23T05:30:00Z"));
    n.recipient = "090-1234-5678";
    n = prepareForEnqueue(n, {});
    n.last_error_code = "http_503";
    const auto s = describeForLog(n);
    EXPECT_NE(s.find(n.id), std::string::npos);
    EXPECT_NE(s.find("error=http_503"), std::string::npos);
    EXPECT_EQ(s.find("1234"), std::string::npos);
    EXPECT_EQ(s.find("本文"), std::string::npos);
    EXPECT_EQ(s.find("件名"), std::string::npos);
}

}  // namespace
}  // namespace rxdesk::notify
