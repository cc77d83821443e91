#include <gtest/gtest.h>

#include "NotifyTestSupport.h"
#include "core/Error.h"
#include "notify/Dispatcher.h"
#include "notify/InMemoryOutboxStore.h"
#include "notify/MessageTemplates.h"
#include "support/ManualClock.h"

namespace rxdesk::notify {
namespace {

using test::at;
using test::sampleNotification;
using test::ScriptedTransport;
using namespace std::chrono_literals;

struct Fixture {
    InMemoryOutboxStore store;
    ScriptedTransport transport;
    testing::ManualClock clock{at("2026-11-23T05:30:00Z")};
    DispatcherSettings settings;

    Dispatcher dispatcher() { return Dispatcher(store, transport, clock, settings); }
    std::string enqueue(TimePoint due) {
        return store.enqueue(sampleNotification("a-1", due), clock.now()).notification.id;
    }
    NotificationState state(const std::string& id) { return store.find(id)->state; }
};

TEST(Dispatcher, SendsDueNotificationsOnceAndMarksThemSent) {
    Fixture f;
    auto id = f.enqueue(f.clock.now());
    f.enqueue(f.clock.now() + 1h);  // not due yet
    auto d = f.dispatcher();
    auto stats = d.runOnce();
    EXPECT_EQ(stats.claimed, 1u);
    EXPECT_EQ(stats.sent, 1u);
    EXPECT_EQ(f.state(id), NotificationState::Sent);
    EXPECT_EQ(d.runOnce().claimed, 0u);
    ASSERT_EQ(f.transport.sent.size(), 1u);
    EXPECT_EQ(f.transport.sent[0].id, id);
    EXPECT_EQ(f.transport.sent[0].attempts, 1);
}

TEST(Dispatcher, RetriesWithBackoffUntilTheUpstreamAccepts) {
    Fixture f;
    f.transport.script = {SendResult::retryable("http_503"), SendResult::retryable("http_503")};
    auto id = f.enqueue(f.clock.now());
    auto d = f.dispatcher();

    EXPECT_EQ(d.runOnce().retry_scheduled, 1u);
    auto n = *f.store.find(id);
    EXPECT_EQ(n.state, NotificationState::Pending);
    EXPECT_EQ(n.last_error_code, "http_503");
    EXPECT_EQ(n.next_attempt_at, f.clock.now() + 30s);

    f.clock.advance(29s);
    EXPECT_EQ(d.runOnce().claimed, 0u);  // backoff respected
    f.clock.advance(1s);
    EXPECT_EQ(d.runOnce().retry_scheduled, 1u);
    EXPECT_EQ(f.store.find(id)->next_attempt_at, f.clock.now() + 60s);

    f.clock.advance(60s);
    EXPECT_EQ(d.runOnce().sent, 1u);
    EXPECT_EQ(f.state(id), NotificationState::Sent);
    EXPECT_EQ(f.transport.sent.size(), 3u);
    for (const auto& s : f.transport.sent) EXPECT_EQ(s.id, id);  // same idempotency key
}

TEST(Dispatcher, GivesUpAfterMaxAttempts) {
    Fixture f;
    f.settings.retry.max_attempts = 3;
    f.transport.otherwise = SendResult::retryable("curl_connect");
    auto id = f.enqueue(f.clock.now());
    auto d = f.dispatcher();
    for (int i = 0; i < 10; ++i) {
        d.runOnce();
        f.clock.advance(1h);
    }
    EXPECT_EQ(f.transport.sent.size(), 3u);
    EXPECT_EQ(f.state(id), NotificationState::FailedPermanently);
    EXPECT_EQ(f.store.find(id)->last_error_code, "curl_connect");
}

TEST(Dispatcher, PermanentErrorIsNotRetried) {
    Fixture f;
    f.transport.script = {SendResult::permanent("http_400")};
    auto id = f.enqueue(f.clock.now());
    auto d = f.dispatcher();
    EXPECT_EQ(d.runOnce().failed, 1u);
    f.clock.advance(24h);
    d.runOnce();
    EXPECT_EQ(f.transport.sent.size(), 1u);
    EXPECT_EQ(f.state(id), NotificationState::FailedPermanently);
    EXPECT_EQ(f.store.find(id)->last_error_code, "http_400");
}

TEST(Dispatcher, CrashAfterClaimIsResentAfterTheLeaseExpires) {
    Fixture f;
    auto id = f.enqueue(f.clock.now());
    // A dispatcher claims, hands the message to the upstream, and dies before complete().
    auto crashed = f.store.claimDue(f.clock.now(), 10, f.settings.lease);
    ASSERT_EQ(crashed.size(), 1u);
    f.transport.send(crashed[0]);

    auto d = f.dispatcher();
    f.clock.advance(f.settings.lease - 1s);
    EXPECT_EQ(d.runOnce().claimed, 0u);  // lease still held
    f.clock.advance(1s);
    EXPECT_EQ(d.runOnce().sent, 1u);
    EXPECT_EQ(f.state(id), NotificationState::Sent);
    ASSERT_EQ(f.transport.sent.size(), 2u);
    EXPECT_EQ(f.transport.sent[0].id, f.transport.sent[1].id);
    EXPECT_EQ(f.store.find(id)->attempts, 2);

    // The crashed claimant's late answer cannot change the outcome.
    auto late = crashed[0];
    late.state = NotificationState::Pending;
    EXPECT_FALSE(f.store.complete(late));
}

TEST(Dispatcher, APoisonMessageThatKeepsCrashingIsFailedNotLooped) {
    Fixture f;
    f.settings.retry.max_attempts = 2;
    auto id = f.enqueue(f.clock.now());
    for (int i = 0; i < 2; ++i) {  // two claims that never complete
        ASSERT_EQ(f.store.claimDue(f.clock.now(), 10, f.settings.lease).size(), 1u);
        f.clock.advance(f.settings.lease);
    }
    auto d = f.dispatcher();
    EXPECT_EQ(d.runOnce().failed, 1u);
    EXPECT_TRUE(f.transport.sent.empty());
    EXPECT_EQ(f.store.find(id)->last_error_code, "attempts_exhausted");
}

TEST(Dispatcher, ExpiredNotificationIsFailedWithoutSending) {
    Fixture f;
    auto n = sampleNotification("a-1", f.clock.now() - 2h);
    n.expires_at = f.clock.now() - 1min;  // the appointment already started
    auto id = f.store.enqueue(n, f.clock.now()).notification.id;
    auto d = f.dispatcher();
    EXPECT_EQ(d.runOnce().failed, 1u);
    EXPECT_TRUE(f.transport.sent.empty());
    EXPECT_EQ(f.store.find(id)->last_error_code, "expired");
}

TEST(Dispatcher, FillsTheJoinLinkAtSendTimeAndNeverStoresIt) {
    Fixture f;
    f.settings.join_link = [](const Notification& n) -> std::optional<std::string> {
        return "https://meet.example.jp/rx?jwt=" + n.appointment_id;
    };
    auto id = f.enqueue(f.clock.now());
    f.dispatcher().runOnce();
    ASSERT_EQ(f.transport.sent.size(), 1u);
    EXPECT_EQ(f.transport.sent[0].body, "本文 https://meet.example.jp/rx?jwt=a-1");
    EXPECT_EQ(f.store.find(id)->body, "本文 {{join_link}}");
}

TEST(Dispatcher, UsesTheFallbackTextWhenNoJoinLinkCanBeIssued) {
    Fixture f;
    f.settings.join_link = [](const Notification&) { return std::optional<std::string>{}; };
    f.enqueue(f.clock.now());
    f.dispatcher().runOnce();
    ASSERT_EQ(f.transport.sent.size(), 1u);
    EXPECT_EQ(f.transport.sent[0].body, "本文 " + std::string(kJoinLinkFallbackJa));
}

TEST(Dispatcher, ThrowingCollaboratorsCountAsRetryable) {
    struct ThrowingTransport : ScriptedTransport {
        SendResult send(const Notification&) override { throw std::runtime_error("boom"); }
    };
    InMemoryOutboxStore store;
    ThrowingTransport transport;
    testing::ManualClock clock{at("2026-11-23T05:30:00Z")};
    auto id = store.enqueue(sampleNotification("a-1", clock.now()), clock.now()).notification.id;
    Dispatcher d(store, transport, clock, {});
    EXPECT_EQ(d.runOnce().retry_scheduled, 1u);
    EXPECT_EQ(store.find(id)->last_error_code, "transport_exception");

    Fixture f;
    f.settings.join_link = [](const Notification&) -> std::optional<std::string> {
        throw std::runtime_error("no key");
    };
    auto id2 = f.enqueue(f.clock.now());
    f.dispatcher().runOnce();
    EXPECT_TRUE(f.transport.sent.empty());
    EXPECT_EQ(f.store.find(id2)->last_error_code, "join_link_failed");
    EXPECT_EQ(f.state(id2), NotificationState::Pending);
}

TEST(Dispatcher, RefusesALeaseShorterThanTwiceTheLongestSend) {
    Fixture f;
    f.transport.max_send = 90s;
    f.settings.lease = 120s;
    EXPECT_THROW(f.dispatcher(), Error);
    f.settings.lease = 180s;
    EXPECT_NO_THROW(f.dispatcher());
    f.settings.batch_size = 0;
    EXPECT_THROW(f.dispatcher(), Error);
}

TEST(Dispatcher, DrainStopsWhenNothingIsDue) {
    Fixture f;
    f.settings.batch_size = 2;
    for (int i = 0; i < 5; ++i)
        f.store.enqueue(sampleNotification("a-" + std::to_string(i), f.clock.now()), f.clock.now());
    auto stats = f.dispatcher().drain();
    EXPECT_EQ(stats.claimed, 5u);
    EXPECT_EQ(stats.sent, 5u);
}

}  // namespace
}  // namespace rxdesk::notify
