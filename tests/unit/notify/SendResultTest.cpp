#include <gtest/gtest.h>

#include "NotifyTestSupport.h"
#include "notify/SendResult.h"

namespace rxdesk::notify {
namespace {

using test::at;
using namespace std::chrono_literals;

TEST(SendResult, ClassifiesHttpStatus) {
    struct Case {
        long status;
        SendStatus expected;
        const char* code;
    } cases[] = {
        {200, SendStatus::Delivered, ""},
        {202, SendStatus::Delivered, ""},
        {204, SendStatus::Delivered, ""},
        {400, SendStatus::PermanentError, "http_400"},
        {401, SendStatus::PermanentError, "http_401"},
        {404, SendStatus::PermanentError, "http_404"},
        {409, SendStatus::PermanentError, "http_409"},
        {422, SendStatus::PermanentError, "http_422"},
        {408, SendStatus::RetryableError, "http_408"},
        {429, SendStatus::RetryableError, "http_429"},
        {500, SendStatus::RetryableError, "http_500"},
        {502, SendStatus::RetryableError, "http_502"},
        {503, SendStatus::RetryableError, "http_503"},
        {301, SendStatus::PermanentError, "http_unexpected_301"},
        {0, SendStatus::RetryableError, "http_invalid_status"},
        {999, SendStatus::RetryableError, "http_invalid_status"},
    };
    for (const auto& c : cases) {
        auto r = classifyHttpStatus(c.status);
        EXPECT_EQ(r.status, c.expected) << c.status;
        EXPECT_EQ(r.error_code, c.code) << c.status;
    }
}

TEST(SendResult, ClassifiesSmtpReplies) {
    EXPECT_EQ(classifySmtpReply(451).status, SendStatus::RetryableError);
    EXPECT_EQ(classifySmtpReply(451).error_code, "smtp_451");
    EXPECT_EQ(classifySmtpReply(550).status, SendStatus::PermanentError);
    EXPECT_EQ(classifySmtpReply(550).error_code, "smtp_550");
    EXPECT_EQ(classifySmtpReply(0).status, SendStatus::RetryableError);
}

Notification sending(int attempts) {
    auto n = prepareForEnqueue(test::sampleNotification("a-1", at("2026-11-23T05:30:00Z")), {});
    n.state = NotificationState::Sending;
    n.attempts = attempts;
    n.claim_token = "tok";
    n.lease_until = at("2026-11-23T05:32:00Z");
    return n;
}

TEST(SendResult, DeliveredBecomesSent) {
    const auto now = at("2026-11-23T05:30:05Z");
    auto n = sending(2);
    n.last_error_code = "http_503";
    auto after = onSendResult(n, SendResult::delivered(), now, RetryPolicy{});
    EXPECT_EQ(after.state, NotificationState::Sent);
    EXPECT_EQ(after.sent_at, now);
    EXPECT_TRUE(after.last_error_code.empty());
    EXPECT_TRUE(after.claim_token.empty());
    EXPECT_FALSE(after.lease_until.has_value());
    EXPECT_EQ(after.attempts, 2);
}

TEST(SendResult, RetryableErrorGoesBackToPendingWithBackoff) {
    const auto now = at("2026-11-23T05:30:05Z");
    auto after = onSendResult(sending(2), SendResult::retryable("http_503"), now, RetryPolicy{});
    EXPECT_EQ(after.state, NotificationState::Pending);
    EXPECT_EQ(after.next_attempt_at, now + 60s);
    EXPECT_EQ(after.last_error_code, "http_503");
    EXPECT_TRUE(after.claim_token.empty());
}

TEST(SendResult, PermanentErrorFailsAtOnce) {
    auto after = onSendResult(sending(1), SendResult::permanent("http_400"),
                              at("2026-11-23T05:30:05Z"), RetryPolicy{});
    EXPECT_EQ(after.state, NotificationState::FailedPermanently);
    EXPECT_EQ(after.last_error_code, "http_400");
}

TEST(SendResult, RetryableErrorOnTheLastAttemptFails) {
    RetryPolicy p;
    p.max_attempts = 3;
    auto after = onSendResult(sending(3), SendResult::retryable("curl_timeout"),
                              at("2026-11-23T05:30:05Z"), p);
    EXPECT_EQ(after.state, NotificationState::FailedPermanently);
    EXPECT_EQ(after.last_error_code, "curl_timeout");
}

TEST(SendResult, RetryThatWouldLandAfterExpiryFailsAsExpired) {
    auto n = sending(1);
    n.expires_at = at("2026-11-23T05:30:20Z");
    auto after = onSendResult(n, SendResult::retryable("http_503"), at("2026-11-23T05:30:05Z"), {});
    EXPECT_EQ(after.state, NotificationState::FailedPermanently);
    EXPECT_EQ(after.last_error_code, "expired");

    n.expires_at = at("2026-11-23T06:00:00Z");
    after = onSendResult(n, SendResult::retryable("http_503"), at("2026-11-23T05:30:05Z"), {});
    EXPECT_EQ(after.state, NotificationState::Pending);
}

}  // namespace
}  // namespace rxdesk::notify
