#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Clock.h"
#include "notify/Notification.h"

namespace rxdesk::notify {

/// The answer of enqueue: the stored notification and whether this call created it.
struct EnqueueResult {
    Notification notification;
    bool created = false;
};

/// Filter for list(); empty fields match everything. Ordered by due_at, then id.
struct OutboxQuery {
    std::optional<NotificationState> state;
    std::string appointment_id;
    std::size_t limit = 100;
};

/// Persistence port for the notification outbox. Every implementation (InMemoryOutboxStore
/// for tests; the SQLite store in server/store) must guarantee the following; the integration
/// tests in tests/integration/notify exercise them through the Dispatcher.
///
/// Idempotent enqueue
/// - dedup_key is UNIQUE. enqueue() of a key that exists returns the stored row with
///   created = false and changes nothing — whatever its state (pending, sending, sent,
///   failed_permanently) — so the same reminder is never enqueued twice, even when two
///   requests race (use INSERT … ON CONFLICT(dedup_key), not "SELECT then INSERT").
/// - Exception: a row in state cancelled is reinstated: replaced by the new content
///   (prepareForEnqueue), state pending, attempts 0, created = true. A cancelled row was
///   never sent (cancelPending only touches pending rows), so this cannot cause a duplicate;
///   it lets an appointment moved away and back get its reminders again.
/// - enqueue validates with prepareForEnqueue (throws Error(BadRequest) before storing).
///
/// Atomic claim with a lease
/// - claimDue(now, limit, lease) selects up to `limit` rows that isClaimable(now): pending
///   with next_attempt_at <= now, or sending with lease_until <= now (the claimant crashed).
///   Order: pending by next_attempt_at, expired leases by lease_until, then id.
/// - In the same transaction (SQLite: BEGIN IMMEDIATE, or one UPDATE … RETURNING) each row
///   gets the claimed() transition: state sending, attempts + 1, lease_until = now + lease,
///   and a fresh unique claim_token. Two concurrent claimDue calls never return the same row
///   under the same lease; a row whose lease expired is claimable again, so a crash between
///   claim and complete delays a notification by at most the lease — it is never lost.
/// - Returns the rows as they are after the transition (with the new claim_token).
///
/// Conditional complete
/// - complete(after) writes state, next_attempt_at, last_error_code and sent_at from
///   `after`, and clears claim_token and lease_until, only if the stored row still has
///   state sending and claim_token == after.claim_token (compare-and-set; pass the claimed
///   row's token, onSendResult clears it in its copy, so the Dispatcher keeps it). Returns
///   false and changes nothing otherwise (the lease expired and another claim took over:
///   that claim's outcome wins). Other fields are never changed by complete.
///
/// Cancellation
/// - cancelPending(appointment_id, kinds, now) moves pending rows of that appointment whose
///   kind is in `kinds` to cancelled and returns how many. Rows being sent are left alone
///   (they may already be at the upstream).
///
/// Retention: sent/failed rows hold patient contact data; the store should purge them after
/// the retention period the lead decides (not part of this port yet).
class OutboxStore {
public:
    virtual ~OutboxStore() = default;

    /// See the class comment. Throws Error(BadRequest) for an invalid notification and
    /// Error(Storage) when the store fails.
    virtual EnqueueResult enqueue(const Notification& notification, TimePoint now) = 0;

    /// See the class comment. Empty when nothing is due. `limit` 0 returns nothing.
    virtual std::vector<Notification> claimDue(TimePoint now, std::size_t limit,
                                               std::chrono::seconds lease) = 0;

    /// See the class comment. `after.id` and `after.claim_token` identify the claim.
    virtual bool complete(const Notification& after) = 0;

    /// See the class comment.
    virtual std::size_t cancelPending(std::string_view appointment_id,
                                      const std::vector<NotificationKind>& kinds,
                                      TimePoint now) = 0;

    /// Rows matching the query, ordered by due_at then id, at most query.limit.
    virtual std::vector<Notification> list(const OutboxQuery& query) = 0;

    /// The row with this id; nullopt when none.
    virtual std::optional<Notification> find(std::string_view id) = 0;
};

}  // namespace rxdesk::notify
