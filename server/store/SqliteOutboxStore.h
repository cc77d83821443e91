#pragma once

#include <atomic>

#include "notify/OutboxStore.h"
#include "store/Database.h"

namespace rxdesk::store {

/// notify::OutboxStore over `notification_outbox`, with the guarantees the port documents:
/// enqueue is INSERT … ON CONFLICT(dedup_key) DO NOTHING (a cancelled row is reinstated);
/// claimDue selects and marks rows in one BEGIN IMMEDIATE transaction with a fresh random
/// claim token each; complete is an UPDATE guarded by state = 'sending' AND claim_token.
/// Each call joins the caller's write transaction when there is one (so a booking and its
/// notifications commit together) or runs in its own. Times are stored in milliseconds.
class SqliteOutboxStore : public notify::OutboxStore {
public:
    explicit SqliteOutboxStore(Database& db) : db_(db) {}

    notify::EnqueueResult enqueue(const notify::Notification& notification, TimePoint now) override;
    std::vector<notify::Notification> claimDue(TimePoint now, std::size_t limit,
                                               std::chrono::seconds lease) override;
    bool complete(const notify::Notification& after) override;
    std::size_t cancelPending(std::string_view appointment_id,
                              const std::vector<notify::NotificationKind>& kinds,
                              TimePoint now) override;
    std::vector<notify::Notification> list(const notify::OutboxQuery& query) override;
    std::optional<notify::Notification> find(std::string_view id) override;

private:
    Database& db_;
};

}  // namespace rxdesk::store
