#include "notify/InMemoryOutboxStore.h"

#include <algorithm>

#include "core/Error.h"

namespace rxdesk::notify {
namespace {

// When a row became claimable: the order claimDue serves rows in.
TimePoint claimableSince(const Notification& n) {
    return n.state == NotificationState::Sending ? n.lease_until.value_or(TimePoint{})
                                                 : n.next_attempt_at;
}

}  // namespace

EnqueueResult InMemoryOutboxStore::enqueue(const Notification& notification, TimePoint now) {
    Notification fresh = prepareForEnqueue(notification, now);
    std::lock_guard lock(mutex_);
    if (auto it = id_by_dedup_key_.find(fresh.dedup_key); it != id_by_dedup_key_.end()) {
        Notification& existing = by_id_.at(it->second);
        if (existing.state != NotificationState::Cancelled) return {existing, false};
        fresh.id = existing.id;
        existing = fresh;
        return {existing, true};
    }
    if (by_id_.count(fresh.id))
        throw Error(ErrorKind::Conflict, "duplicate_notification_id",
                    "a notification with this id but another dedup key exists", "id");
    id_by_dedup_key_.emplace(fresh.dedup_key, fresh.id);
    by_id_.emplace(fresh.id, fresh);
    return {fresh, true};
}

std::vector<Notification> InMemoryOutboxStore::claimDue(TimePoint now, std::size_t limit,
                                                        std::chrono::seconds lease) {
    std::lock_guard lock(mutex_);
    std::vector<Notification*> due;
    for (auto& [id, n] : by_id_)
        if (isClaimable(n, now)) due.push_back(&n);
    std::stable_sort(due.begin(), due.end(), [](const Notification* a, const Notification* b) {
        return claimableSince(*a) < claimableSince(*b);
    });
    if (due.size() > limit) due.resize(limit);
    std::vector<Notification> out;
    for (Notification* n : due) {
        *n = claimed(*n, now, lease, "claim-" + std::to_string(next_claim_++));
        out.push_back(*n);
    }
    return out;
}

bool InMemoryOutboxStore::complete(const Notification& after) {
    std::lock_guard lock(mutex_);
    auto it = by_id_.find(after.id);
    if (it == by_id_.end()) return false;
    Notification& n = it->second;
    if (n.state != NotificationState::Sending || n.claim_token != after.claim_token) return false;
    n.state = after.state;
    n.next_attempt_at = after.next_attempt_at;
    n.last_error_code = after.last_error_code;
    n.sent_at = after.sent_at;
    n.claim_token.clear();
    n.lease_until.reset();
    return true;
}

std::size_t InMemoryOutboxStore::cancelPending(std::string_view appointment_id,
                                               const std::vector<NotificationKind>& kinds,
                                               TimePoint) {
    std::lock_guard lock(mutex_);
    std::size_t count = 0;
    for (auto& [id, n] : by_id_) {
        if (n.state != NotificationState::Pending || n.appointment_id != appointment_id) continue;
        if (std::find(kinds.begin(), kinds.end(), n.kind) == kinds.end()) continue;
        n.state = NotificationState::Cancelled;
        ++count;
    }
    return count;
}

std::vector<Notification> InMemoryOutboxStore::list(const OutboxQuery& query) {
    std::lock_guard lock(mutex_);
    std::vector<Notification> out;
    for (const auto& [id, n] : by_id_) {
        if (query.state && n.state != *query.state) continue;
        if (!query.appointment_id.empty() && n.appointment_id != query.appointment_id) continue;
        out.push_back(n);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.due_at < b.due_at; });
    if (out.size() > query.limit) out.resize(query.limit);
    return out;
}

std::optional<Notification> InMemoryOutboxStore::find(std::string_view id) {
    std::lock_guard lock(mutex_);
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return std::nullopt;
    return it->second;
}

std::size_t InMemoryOutboxStore::size() const {
    std::lock_guard lock(mutex_);
    return by_id_.size();
}

}  // namespace rxdesk::notify
