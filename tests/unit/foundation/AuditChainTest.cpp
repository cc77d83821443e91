#include <gtest/gtest.h>

#include "audit/AuditChain.h"

using namespace rxdesk::audit;

namespace {

std::vector<AuditEntry> chainOf(int n) {
    std::vector<AuditEntry> out;
    std::string prev = AuditChain::kGenesis;
    for (int i = 1; i <= n; ++i) {
        AuditEntry e;
        e.seq = i;
        e.at_ms = 1000 * i;
        e.event = AuditEvent{"user:1", "prescription.read", "prescription", std::to_string(i),
                             std::string("p") + std::to_string(i % 3), "127.0.0.1", "ok", ""};
        e.prev_hash = prev;
        e.hash = AuditChain::hashOf(e);
        prev = e.hash;
        out.push_back(e);
    }
    return out;
}

std::optional<ChainBreak> verify(const std::vector<AuditEntry>& entries, std::int64_t head_seq,
                                 const std::string& head_hash) {
    AuditChainVerifier v;
    for (const auto& e : entries) v.feed(e);
    return v.finish(head_seq, head_hash);
}

}  // namespace

TEST(AuditChain, IntactChainVerifies) {
    auto chain = chainOf(5);
    EXPECT_FALSE(verify(chain, 5, chain.back().hash));
    EXPECT_FALSE(verify({}, 0, ""));
}

TEST(AuditChain, DetectsAnEditedFieldAtItsEntry) {
    auto chain = chainOf(5);
    chain[2].event.actor = "user:2";
    auto broken = verify(chain, 5, chain.back().hash);
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->seq, 3);
    EXPECT_EQ(broken->problem, "edited");
}

TEST(AuditChain, DetectsAnEditRehashedWithoutRelinking) {
    auto chain = chainOf(5);
    chain[1].event.outcome = "denied";
    chain[1].hash = AuditChain::hashOf(chain[1]);
    auto broken = verify(chain, 5, chain.back().hash);
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->seq, 3);
    EXPECT_EQ(broken->problem, "broken_link");
}

TEST(AuditChain, DetectsADeletedEntryInTheMiddle) {
    auto chain = chainOf(5);
    chain.erase(chain.begin() + 2);
    auto broken = verify(chain, 5, chain.back().hash);
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->seq, 3);
    EXPECT_EQ(broken->problem, "missing_entry");
}

TEST(AuditChain, DetectsADeletedTailThroughTheHead) {
    auto chain = chainOf(5);
    std::string head = chain.back().hash;
    chain.pop_back();
    auto broken = verify(chain, 5, head);
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->problem, "head_mismatch");
}

TEST(AuditChain, FieldBoundariesCannotBeShifted) {
    auto chain = chainOf(1);
    AuditEntry moved = chain[0];
    moved.event.action = "prescription.rea";
    moved.event.object_type = "dprescription";
    EXPECT_NE(AuditChain::hashOf(moved), chain[0].hash);
}
