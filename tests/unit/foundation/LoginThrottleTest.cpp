#include <gtest/gtest.h>

#include "auth/LoginThrottle.h"

using namespace rxdesk::auth;

TEST(LoginThrottle, LocksAfterMaxFailuresWithDoublingBackoff) {
    LoginThrottlePolicy policy;  // 5 failures, 30 s, doubling, capped at 1 h
    LoginFailures state;
    std::int64_t now = 1000;
    struct Step {
        int failures;
        std::int64_t lock;
    } steps[] = {{1, 0}, {2, 0}, {3, 0}, {4, 0}, {5, 30}, {6, 60}, {7, 120}, {8, 240}};
    for (const auto& s : steps) {
        state = policy.afterFailure(state, now);
        EXPECT_EQ(state.failures, s.failures);
        EXPECT_EQ(s.lock ? state.locked_until - now : 0, s.lock) << s.failures;
    }
    for (int i = 0; i < 30; ++i) state = policy.afterFailure(state, now);
    EXPECT_EQ(state.locked_until - now, 3600);
}

TEST(LoginThrottle, ForgetsOldFailures) {
    LoginThrottlePolicy policy;
    LoginFailures state{4, 0, 1000};
    state = policy.afterFailure(state, 1000 + policy.forget_after_seconds + 1);
    EXPECT_EQ(state.failures, 1);
    EXPECT_EQ(state.locked_until, 0);
}
