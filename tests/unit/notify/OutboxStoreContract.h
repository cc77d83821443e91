#pragma once

// The OutboxStore contract (server/notify/OutboxStore.h): every implementation must pass
// these tests. Instantiate with INSTANTIATE_TYPED_TEST_SUITE_P(Name, OutboxStoreContract,
// ::testing::Types<YourStore>) where YourStore is default-constructible and has size().
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <thread>

#include "core/Error.h"
#include "unit/notify/NotifyTestSupport.h"

namespace rxdesk::notify::contract {

using test::at;
using test::sampleNotification;
using namespace std::chrono_literals;

inline const TimePoint kNow = at("2026-11-20T00:00:00Z");

template <typename Store>
class OutboxStoreContract : public ::testing::Test {
protected:
    Store store;
};

TYPED_TEST_SUITE_P(OutboxStoreContract);


TYPED_TEST_P(OutboxStoreContract, EnqueueIsIdempotentOnTheDedupKey) {
    auto& store = this->store;
    auto n = sampleNotification("a-1", at("2026-11-23T05:30:00Z"));
    auto first = store.enqueue(n, kNow);
    EXPECT_TRUE(first.created);
    n.body = "別の本文";
    auto second = store.enqueue(n, kNow + 1h);
    EXPECT_FALSE(second.created);
    EXPECT_EQ(second.notification.id, first.notification.id);
    EXPECT_EQ(second.notification.body, "本文 {{join_link}}");
    EXPECT_EQ(store.size(), 1u);
}

TYPED_TEST_P(OutboxStoreContract, EnqueueOfASentKeyDoesNotResendIt) {
    auto& store = this->store;
    auto n = sampleNotification("a-1", at("2026-11-23T05:30:00Z"));
    store.enqueue(n, kNow);
    auto claim = store.claimDue(at("2026-11-23T05:30:00Z"), 10, 60s).at(0);
    auto done = claim;
    done.state = NotificationState::Sent;
    ASSERT_TRUE(store.complete(done));
    EXPECT_FALSE(store.enqueue(n, kNow).created);
    EXPECT_TRUE(store.claimDue(at("2026-12-01T00:00:00Z"), 10, 60s).empty());
}

TYPED_TEST_P(OutboxStoreContract, ClaimTakesOnlyDueRowsInDueOrderUpToTheLimit) {
    auto& store = this->store;
    store.enqueue(sampleNotification("a-3", at("2026-11-23T05:32:00Z")), kNow);
    store.enqueue(sampleNotification("a-1", at("2026-11-23T05:30:00Z")), kNow);
    store.enqueue(sampleNotification("a-2", at("2026-11-23T05:31:00Z")), kNow);
    store.enqueue(sampleNotification("a-4", at("2026-11-24T00:00:00Z")), kNow);

    auto batch = store.claimDue(at("2026-11-23T06:00:00Z"), 2, 60s);
    ASSERT_EQ(batch.size(), 2u);
    EXPECT_EQ(batch[0].appointment_id, "a-1");
    EXPECT_EQ(batch[1].appointment_id, "a-2");
    EXPECT_NE(batch[0].claim_token, batch[1].claim_token);
    EXPECT_EQ(batch[0].attempts, 1);

    auto rest = store.claimDue(at("2026-11-23T06:00:00Z"), 10, 60s);
    ASSERT_EQ(rest.size(), 1u);
    EXPECT_EQ(rest[0].appointment_id, "a-3");
    EXPECT_TRUE(store.claimDue(at("2026-11-23T06:00:00Z"), 10, 60s).empty());
}

TYPED_TEST_P(OutboxStoreContract, ExpiredLeaseIsClaimedAgainWithANewToken) {
    auto& store = this->store;
    store.enqueue(sampleNotification("a-1", at("2026-11-23T05:30:00Z")), kNow);
    const auto t0 = at("2026-11-23T05:30:00Z");
    auto first = store.claimDue(t0, 10, 60s).at(0);
    EXPECT_TRUE(store.claimDue(t0 + 59s, 10, 60s).empty());
    auto second = store.claimDue(t0 + 60s, 10, 60s).at(0);
    EXPECT_EQ(second.id, first.id);
    EXPECT_EQ(second.attempts, 2);
    EXPECT_NE(second.claim_token, first.claim_token);

    // The first claimant comes back late: its outcome is refused, the second one's counts.
    auto late = first;
    late.state = NotificationState::Pending;
    EXPECT_FALSE(store.complete(late));
    auto done = second;
    done.state = NotificationState::Sent;
    EXPECT_TRUE(store.complete(done));
    EXPECT_EQ(store.find(first.id)->state, NotificationState::Sent);
    EXPECT_FALSE(store.complete(done));  // only once
}

TYPED_TEST_P(OutboxStoreContract, ConcurrentClaimsNeverHandOutTheSameRow) {
    auto& store = this->store;
    for (int i = 0; i < 200; ++i)
        store.enqueue(sampleNotification("a-" + std::to_string(i), at("2026-11-23T05:30:00Z")),
                      kNow);
    std::vector<std::vector<Notification>> got(4);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (;;) {
                auto batch = store.claimDue(at("2026-11-23T06:00:00Z"), 7, 60s);
                if (batch.empty()) break;
                got[t].insert(got[t].end(), batch.begin(), batch.end());
            }
        });
    for (auto& th : threads) th.join();
    std::set<std::string> ids;
    std::size_t total = 0;
    for (const auto& g : got)
        for (const auto& n : g) ids.insert(n.id), ++total;
    EXPECT_EQ(total, 200u);
    EXPECT_EQ(ids.size(), 200u);
}

TYPED_TEST_P(OutboxStoreContract, CancelPendingLeavesOtherAppointmentsKindsAndSendingRowsAlone) {
    auto& store = this->store;
    auto r1 = sampleNotification("a-1", at("2026-11-23T05:30:00Z"));
    auto r2 = sampleNotification("a-1", at("2026-11-24T05:15:00Z"));
    auto conf = sampleNotification("a-1", at("2026-11-20T00:00:00Z"),
                                   NotificationKind::BookingConfirmation);
    auto other = sampleNotification("a-2", at("2026-11-23T05:30:00Z"));
    for (const auto& n : {r1, r2, conf, other}) store.enqueue(n, kNow);
    // r1 is being sent right now.
    auto claimed_now = store.claimDue(at("2026-11-23T05:30:00Z"), 10, 60s);
    ASSERT_EQ(claimed_now.size(), 3u);  // conf, r1 and other
    auto back = std::find_if(claimed_now.begin(), claimed_now.end(),
                             [](const auto& n) { return n.kind != NotificationKind::Reminder; });
    auto conf_done = *back;
    conf_done.state = NotificationState::Sent;
    store.complete(conf_done);

    EXPECT_EQ(store.cancelPending("a-1", {NotificationKind::Reminder}, kNow), 1u);
    EXPECT_EQ(store.list({NotificationState::Cancelled, "", 10}).size(), 1u);
    EXPECT_EQ(store.find(notificationIdFor(r2.dedup_key))->state, NotificationState::Cancelled);
    EXPECT_EQ(store.find(notificationIdFor(r1.dedup_key))->state, NotificationState::Sending);
    EXPECT_EQ(store.find(notificationIdFor(other.dedup_key))->state, NotificationState::Sending);
}

TYPED_TEST_P(OutboxStoreContract, EnqueueReinstatesACancelledKey) {
    auto& store = this->store;
    auto n = sampleNotification("a-1", at("2026-11-23T05:30:00Z"));
    store.enqueue(n, kNow);
    store.cancelPending("a-1", {NotificationKind::Reminder}, kNow);
    EXPECT_TRUE(store.claimDue(at("2026-11-23T06:00:00Z"), 10, 60s).empty());
    auto again = store.enqueue(n, kNow + 1h);
    EXPECT_TRUE(again.created);
    EXPECT_EQ(again.notification.state, NotificationState::Pending);
    EXPECT_EQ(store.size(), 1u);
    EXPECT_EQ(store.claimDue(at("2026-11-23T06:00:00Z"), 10, 60s).size(), 1u);
}

TYPED_TEST_P(OutboxStoreContract, ListFiltersAndOrdersByDueTime) {
    auto& store = this->store;
    store.enqueue(sampleNotification("a-2", at("2026-11-23T05:31:00Z")), kNow);
    store.enqueue(sampleNotification("a-1", at("2026-11-23T05:30:00Z")), kNow);
    store.enqueue(sampleNotification("a-1", at("2026-11-24T05:15:00Z")), kNow);
    auto all = store.list({});
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].due_at, at("2026-11-23T05:30:00Z"));
    EXPECT_EQ(all[2].due_at, at("2026-11-24T05:15:00Z"));
    EXPECT_EQ(store.list({std::nullopt, "a-1", 100}).size(), 2u);
    EXPECT_EQ(store.list({std::nullopt, "", 1}).size(), 1u);
    EXPECT_TRUE(store.list({NotificationState::Sent, "", 100}).empty());
    EXPECT_FALSE(store.find("ntf_missing").has_value());
}

TYPED_TEST_P(OutboxStoreContract, RejectsInvalidNotificationsBeforeStoring) {
    auto& store = this->store;
    auto n = sampleNotification("a-1", at("2026-11-23T05:30:00Z"));
    n.recipient.clear();
    EXPECT_THROW(store.enqueue(n, kNow), Error);
    EXPECT_EQ(store.size(), 0u);
}

REGISTER_TYPED_TEST_SUITE_P(OutboxStoreContract,
                            EnqueueIsIdempotentOnTheDedupKey,
                            EnqueueOfASentKeyDoesNotResendIt,
                            ClaimTakesOnlyDueRowsInDueOrderUpToTheLimit,
                            ExpiredLeaseIsClaimedAgainWithANewToken,
                            ConcurrentClaimsNeverHandOutTheSameRow,
                            CancelPendingLeavesOtherAppointmentsKindsAndSendingRowsAlone,
                            EnqueueReinstatesACancelledKey,
                            ListFiltersAndOrdersByDueTime,
                            RejectsInvalidNotificationsBeforeStoring);

}  // namespace rxdesk::notify::contract
