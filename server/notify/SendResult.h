#pragma once

#include <string>

#include "core/Clock.h"
#include "notify/Notification.h"
#include "notify/RetryPolicy.h"

namespace rxdesk::notify {

/// What one send attempt did.
enum class SendStatus {
    Delivered,       ///< the upstream accepted the message
    RetryableError,  ///< may succeed later (network, timeout, 5xx, 408, 429, SMTP 4xx)
    PermanentError,  ///< this message will never be accepted (other 4xx, SMTP 5xx, bad address)
};

/// The outcome a Transport reports. `error_code` is a stable machine code such as
/// "http_503", "curl_timeout", "smtp_550"; empty when delivered. Never patient data.
struct SendResult {
    SendStatus status = SendStatus::Delivered;
    std::string error_code;

    static SendResult delivered() { return {SendStatus::Delivered, {}}; }
    static SendResult retryable(std::string code) {
        return {SendStatus::RetryableError, std::move(code)};
    }
    static SendResult permanent(std::string code) {
        return {SendStatus::PermanentError, std::move(code)};
    }
};

/// Classifies an upstream HTTP status: 2xx delivered; 408, 429 and 5xx retryable
/// ("http_<status>"); every other 4xx permanent ("http_<status>"); 1xx and 3xx (redirects
/// are not followed) permanent "http_unexpected_<status>"; anything outside 100–599
/// retryable "http_invalid_status".
SendResult classifyHttpStatus(long status);

/// Classifies the final SMTP reply code of a failed transaction: 4xx retryable, 5xx permanent
/// ("smtp_<code>"); anything else retryable "smtp_unexpected_reply".
SendResult classifySmtpReply(long code);

/// The transition after a send attempt of a claimed (sending) notification, at `now`:
/// - delivered → sent, sent_at = now, last_error_code cleared;
/// - permanent → failed_permanently, last_error_code = the result's code;
/// - retryable → pending with next_attempt_at = nextAttempt(attempts, now, policy) and
///   last_error_code = the result's code; failed_permanently instead when the attempts are
///   exhausted (keeping the result's code) or when the next attempt would be at or after
///   expires_at (code "expired").
/// The claim (token, lease) is cleared in every case. attempts is not changed: it was counted
/// when the notification was claimed.
Notification onSendResult(Notification n, const SendResult& result, TimePoint now,
                          const RetryPolicy& policy);

}  // namespace rxdesk::notify
