#pragma once

#include "notify/Transport.h"
#include "notify_curl/CurlTransportSettings.h"

namespace rxdesk::notify {

/// Transport over libcurl. One easy handle per send, so it is safe to call from several
/// threads. Never throws from send(): every failure is a SendResult.
///
/// - Webhook: POST application/json {id, dedup_key, kind, channel, recipient, subject, body,
///   due_at, attempt} with headers Idempotency-Key: <id> and, when configured, the auth
///   header. 2xx is delivered; see classifyHttpStatus for the rest.
/// - SMS: POST {to, from, text} (JSON or form, field names configurable) with the API token
///   header and Idempotency-Key: <id>.
/// - E-mail: SMTP MAIL FROM / RCPT TO / DATA of formatEmail(), Message-ID
///   messageIdFor(id, message_id_domain); a 4xx reply is retryable, 5xx permanent.
/// - Transport failures (resolve, connect, TLS, timeout, reset) are retryable with codes
///   "curl_resolve", "curl_connect", "curl_tls", "curl_timeout", "curl_send", "curl_recv",
///   "curl_<number>" for others. A disabled channel is retryable "channel_not_configured"
///   (an operator can enable it; nothing is lost meanwhile). An address the channel cannot
///   use is permanent "invalid_recipient".
/// All TLS connections require TLS 1.2 or later and verify the peer unless told otherwise.
class CurlTransport : public Transport {
public:
    /// Validates the settings. Throws Error(Internal, "invalid_notify_settings") naming the
    /// setting for a URL with the wrong scheme (plaintext when not allowed), SMTP without
    /// from_address or message_id_domain, or a non-positive timeout.
    explicit CurlTransport(CurlTransportSettings settings);

    SendResult send(const Notification& notification) override;
    std::chrono::milliseconds maxSendDuration() const override;

    const CurlTransportSettings& settings() const { return settings_; }

private:
    SendResult sendWebhook(const Notification& n);
    SendResult sendSms(const Notification& n);
    SendResult sendEmail(const Notification& n);

    CurlTransportSettings settings_;
};

}  // namespace rxdesk::notify
