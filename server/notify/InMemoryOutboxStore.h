#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>

#include "notify/OutboxStore.h"

namespace rxdesk::notify {

/// OutboxStore in memory, for tests and as the reference for the SQLite implementation.
/// Thread-safe: every operation holds one mutex, which gives the atomicity the port demands.
class InMemoryOutboxStore : public OutboxStore {
public:
    EnqueueResult enqueue(const Notification& notification, TimePoint now) override;
    std::vector<Notification> claimDue(TimePoint now, std::size_t limit,
                                       std::chrono::seconds lease) override;
    bool complete(const Notification& after) override;
    std::size_t cancelPending(std::string_view appointment_id,
                              const std::vector<NotificationKind>& kinds, TimePoint now) override;
    std::vector<Notification> list(const OutboxQuery& query) override;
    std::optional<Notification> find(std::string_view id) override;

    /// Number of stored rows (any state).
    std::size_t size() const;

private:
    mutable std::mutex mutex_;
    std::map<std::string, Notification, std::less<>> by_id_;
    std::map<std::string, std::string, std::less<>> id_by_dedup_key_;
    std::uint64_t next_claim_ = 1;
};

}  // namespace rxdesk::notify
