#include "notify/SendResult.h"

namespace rxdesk::notify {

SendResult classifyHttpStatus(long status) {
    const std::string code = "http_" + std::to_string(status);
    if (status < 100 || status > 599) return SendResult::retryable("http_invalid_status");
    if (status >= 200 && status < 300) return SendResult::delivered();
    if (status == 408 || status == 429 || status >= 500) return SendResult::retryable(code);
    if (status >= 400) return SendResult::permanent(code);
    return SendResult::permanent("http_unexpected_" + std::to_string(status));
}

SendResult classifySmtpReply(long code) {
    if (code >= 400 && code < 500) return SendResult::retryable("smtp_" + std::to_string(code));
    if (code >= 500 && code < 600) return SendResult::permanent("smtp_" + std::to_string(code));
    return SendResult::retryable("smtp_unexpected_reply");
}

Notification onSendResult(Notification n, const SendResult& result, TimePoint now,
                          const RetryPolicy& policy) {
    n.claim_token.clear();
    n.lease_until.reset();
    switch (result.status) {
        case SendStatus::Delivered:
            n.state = NotificationState::Sent;
            n.sent_at = now;
            n.last_error_code.clear();
            return n;
        case SendStatus::PermanentError:
            n.state = NotificationState::FailedPermanently;
            n.last_error_code = result.error_code;
            return n;
        case SendStatus::RetryableError:
            break;
    }
    n.last_error_code = result.error_code;
    auto next = nextAttempt(n.attempts, now, policy);
    if (!next) {
        n.state = NotificationState::FailedPermanently;
    } else if (n.expires_at && *next >= *n.expires_at) {
        n.state = NotificationState::FailedPermanently;
        n.last_error_code = "expired";
    } else {
        n.state = NotificationState::Pending;
        n.next_attempt_at = *next;
    }
    return n;
}

}  // namespace rxdesk::notify
