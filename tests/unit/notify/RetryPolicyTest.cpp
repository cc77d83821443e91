#include <gtest/gtest.h>

#include "NotifyTestSupport.h"
#include "core/Error.h"
#include "notify/RetryPolicy.h"

namespace rxdesk::notify {
namespace {

using test::at;
using namespace std::chrono_literals;

TEST(RetryPolicy, BacksOffExponentiallyUpToTheCap) {
    RetryPolicy p;  // 30 s × 2^n, cap 30 min, 8 attempts
    const auto now = at("2026-11-24T00:00:00Z");
    struct Case {
        int attempts;
        std::chrono::seconds delay;
    } cases[] = {
        {1, 30s}, {2, 60s}, {3, 120s}, {4, 240s}, {5, 480s}, {6, 960s}, {7, 1800s},
    };
    for (const auto& c : cases) {
        auto next = nextAttempt(c.attempts, now, p);
        ASSERT_TRUE(next.has_value()) << c.attempts;
        EXPECT_EQ(*next - now, c.delay) << c.attempts;
    }
}

TEST(RetryPolicy, GivesUpAfterMaxAttempts) {
    RetryPolicy p;
    p.max_attempts = 3;
    const auto now = at("2026-11-24T00:00:00Z");
    EXPECT_TRUE(nextAttempt(2, now, p).has_value());
    EXPECT_FALSE(nextAttempt(3, now, p).has_value());
    EXPECT_FALSE(nextAttempt(4, now, p).has_value());
}

TEST(RetryPolicy, HugeAttemptCountsSaturateAtTheCap) {
    RetryPolicy p;
    p.max_attempts = 1'000'000;
    const auto now = at("2026-11-24T00:00:00Z");
    auto next = nextAttempt(5000, now, p);
    ASSERT_TRUE(next.has_value());
    EXPECT_EQ(*next - now, p.max_delay);
}

TEST(RetryPolicy, ConstantDelayWithMultiplierOne) {
    RetryPolicy p;
    p.multiplier = 1.0;
    const auto now = at("2026-11-24T00:00:00Z");
    EXPECT_EQ(*nextAttempt(5, now, p) - now, 30s);
}

TEST(RetryPolicy, RejectsNonsense) {
    struct Case {
        const char* field;
        void (*edit)(RetryPolicy&);
    } cases[] = {
        {"initial_delay", [](RetryPolicy& p) { p.initial_delay = 0s; }},
        {"multiplier", [](RetryPolicy& p) { p.multiplier = 0.5; }},
        {"max_delay", [](RetryPolicy& p) { p.max_delay = 10s; }},
        {"max_attempts", [](RetryPolicy& p) { p.max_attempts = 0; }},
    };
    for (const auto& c : cases) {
        RetryPolicy p;
        c.edit(p);
        try {
            validateRetryPolicy(p);
            ADD_FAILURE() << c.field;
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), "invalid_retry_policy");
            EXPECT_EQ(e.field(), c.field);
        }
    }
    EXPECT_NO_THROW(validateRetryPolicy(RetryPolicy{}));
}

}  // namespace
}  // namespace rxdesk::notify
