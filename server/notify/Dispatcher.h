#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "core/Clock.h"
#include "notify/OutboxStore.h"
#include "notify/RetryPolicy.h"
#include "notify/Transport.h"

namespace rxdesk::notify {

struct DispatcherSettings {
    RetryPolicy retry;
    /// Rows claimed per runOnce().                   rxdesk.notify.batch_size
    std::size_t batch_size = 20;
    /// How long a claim protects a row from others.  rxdesk.notify.lease_seconds
    std::chrono::seconds lease{120};
    /// Issues the participant's join link for a notification (e.g. through
    /// guidance::JoinLinkIssuer); nullopt or an empty function → kJoinLinkFallbackJa.
    /// Called only for bodies containing kJoinLinkPlaceholder. Must not throw; if it does,
    /// the attempt counts as a retryable "join_link_failed".
    std::function<std::optional<std::string>(const Notification&)> join_link;
};

/// What one runOnce() did.
struct DispatchStats {
    std::size_t claimed = 0;
    std::size_t sent = 0;
    std::size_t retry_scheduled = 0;
    std::size_t failed = 0;
    /// complete() refused: the lease had expired and another claim owns the row.
    std::size_t stale = 0;
};

/// Moves due notifications from the outbox to the Transport.
///
/// Delivery guarantee: at-least-once, with an idempotency key for the upstream to dedupe.
/// - Never lost: a row is only ever moved out of pending/sending by complete() with an
///   outcome from the upstream (or by expiry/attempt exhaustion, recorded as
///   failed_permanently with a code). A crash after claimDue leaves the row sending; when
///   its lease expires, the next claimDue takes it again.
/// - Never sent twice (as far as the patient sees): the store's claim is atomic, so two
///   dispatchers never hold the same row under a live lease; the lease is at least twice the
///   transport's longest send, so a slow send is not re-claimed while in flight. What remains
///   — a crash after the upstream accepted but before complete() — is re-sent with the same
///   notification id as Idempotency-Key (and the same e-mail Message-ID), so the upstream
///   recognises and drops the duplicate. Exactly-once is not possible without the upstream's
///   cooperation; this is the standard outbox compromise.
///
/// Not thread-safe per instance; run one loop per instance (several instances, in one or
/// several processes, may share a store).
class Dispatcher {
public:
    /// Throws Error(Internal, "invalid_retry_policy") or Error(Internal,
    /// "invalid_dispatcher_settings") (batch size 0, lease shorter than twice
    /// transport.maxSendDuration()). Keeps references: store, transport and clock must
    /// outlive the dispatcher.
    Dispatcher(OutboxStore& store, Transport& transport, const Clock& clock,
               DispatcherSettings settings);

    /// Claims up to batch_size due notifications and sends them one by one, recording each
    /// outcome with onSendResult + complete. A row claimed again after a crash whose
    /// attempts already exceed retry.max_attempts is failed ("attempts_exhausted") without
    /// sending; one past expires_at is failed ("expired") without sending. Exceptions from
    /// the transport count as retryable "transport_exception". Store failures propagate.
    DispatchStats runOnce();

    /// Runs runOnce() until it claims nothing (or `max_rounds` rounds); returns the totals.
    DispatchStats drain(std::size_t max_rounds = 100);

private:
    OutboxStore& store_;
    Transport& transport_;
    const Clock& clock_;
    DispatcherSettings settings_;
};

}  // namespace rxdesk::notify
