#include "notify/Dispatcher.h"

#include "core/Error.h"
#include "notify/MessageTemplates.h"

namespace rxdesk::notify {
namespace {

void count(DispatchStats& stats, const Notification& after) {
    switch (after.state) {
        case NotificationState::Sent:
            ++stats.sent;
            break;
        case NotificationState::Pending:
            ++stats.retry_scheduled;
            break;
        default:
            ++stats.failed;
            break;
    }
}

}  // namespace

Dispatcher::Dispatcher(OutboxStore& store, Transport& transport, const Clock& clock,
                       DispatcherSettings settings)
    : store_(store), transport_(transport), clock_(clock), settings_(std::move(settings)) {
    validateRetryPolicy(settings_.retry);
    if (settings_.batch_size == 0)
        throw Error(ErrorKind::Internal, "invalid_dispatcher_settings",
                    "the batch size must be at least 1", "batch_size");
    if (settings_.lease < 2 * transport_.maxSendDuration())
        throw Error(ErrorKind::Internal, "invalid_dispatcher_settings",
                    "the lease must be at least twice the transport's longest send", "lease");
}

DispatchStats Dispatcher::runOnce() {
    DispatchStats stats;
    auto batch = store_.claimDue(clock_.now(), settings_.batch_size, settings_.lease);
    stats.claimed = batch.size();
    for (const Notification& claim : batch) {
        const TimePoint now = clock_.now();
        std::optional<SendResult> verdict;
        // Checked before sending: a row re-claimed after crashes can exceed max_attempts
        // without ever reaching onSendResult (a poison message crashing the process would
        // otherwise loop forever).
        if (claim.attempts > settings_.retry.max_attempts)
            verdict = SendResult::permanent("attempts_exhausted");
        else if (claim.expires_at && now >= *claim.expires_at)
            verdict = SendResult::permanent("expired");

        if (!verdict) {
            Notification outgoing = claim;
            try {
                if (outgoing.body.find(kJoinLinkPlaceholder) != std::string::npos) {
                    std::optional<std::string> link;
                    if (settings_.join_link) link = settings_.join_link(outgoing);
                    outgoing.body = fillJoinLink(outgoing.body, link.value_or(""));
                }
            } catch (const std::exception&) {
                verdict = SendResult::retryable("join_link_failed");
            }
            if (!verdict) {
                try {
                    verdict = transport_.send(outgoing);
                } catch (const std::exception&) {
                    verdict = SendResult::retryable("transport_exception");
                }
            }
        }

        Notification after = onSendResult(claim, *verdict, clock_.now(), settings_.retry);
        // onSendResult clears the claim in its copy; the store matches on the claimed token.
        after.claim_token = claim.claim_token;
        if (store_.complete(after))
            count(stats, after);
        else
            ++stats.stale;
    }
    return stats;
}

DispatchStats Dispatcher::drain(std::size_t max_rounds) {
    DispatchStats total;
    for (std::size_t round = 0; round < max_rounds; ++round) {
        DispatchStats s = runOnce();
        total.claimed += s.claimed;
        total.sent += s.sent;
        total.retry_scheduled += s.retry_scheduled;
        total.failed += s.failed;
        total.stale += s.stale;
        if (s.claimed == 0) break;
    }
    return total;
}

}  // namespace rxdesk::notify
