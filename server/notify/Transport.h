#pragma once

#include <chrono>

#include "notify/Notification.h"
#include "notify/SendResult.h"

namespace rxdesk::notify {

/// Port through which the Dispatcher hands one notification to an upstream (webhook, SMS
/// gateway, SMTP relay). Implementations must:
/// - send `notification.id` as the idempotency key the upstream can dedupe on (HTTP
///   `Idempotency-Key` header; e-mail Message-ID derived from it), because delivery is
///   at-least-once: after a crash or a lease expiry the same notification is sent again;
/// - report outcomes as values (never throw for upstream failures) and never put the
///   recipient or body into an error code or log line;
/// - be safe to call from several threads at once.
class Transport {
public:
    virtual ~Transport() = default;

    /// Sends the notification (its body already has the join link filled in). `body` and
    /// `recipient` are used as they are; `attempts` tells which attempt this is.
    virtual SendResult send(const Notification& notification) = 0;

    /// The longest one send() can take (connect + transfer timeouts). The Dispatcher refuses
    /// a lease shorter than twice this, so a slow send is not re-claimed while still running.
    virtual std::chrono::milliseconds maxSendDuration() const = 0;
};

}  // namespace rxdesk::notify
