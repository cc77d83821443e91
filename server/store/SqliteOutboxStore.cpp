#include "store/SqliteOutboxStore.h"

#include <SQLiteCpp/Statement.h>

#include "core/Error.h"
#include "crypto/Encoding.h"
#include "crypto/RandomBytes.h"
#include "store/SqliteErrors.h"

namespace rxdesk::store {
namespace {

using notify::Notification;
using notify::NotificationState;

constexpr const char* kColumns =
    "id, dedup_key, kind, channel, appointment_id, recipient, subject, body, due_at_ms, "
    "expires_at_ms, attempts, next_attempt_at_ms, state, last_error_code, claim_token, "
    "lease_until_ms, sent_at_ms, created_at_ms";

std::int64_t ms(TimePoint t) {
    return std::chrono::floor<std::chrono::milliseconds>(t.time_since_epoch()).count();
}
TimePoint fromMs(std::int64_t v) {
    return TimePoint{std::chrono::duration_cast<TimePoint::duration>(std::chrono::milliseconds{v})};
}
std::optional<TimePoint> optionalTime(SQLite::Statement& q, int i) {
    if (q.getColumn(i).isNull()) return std::nullopt;
    return fromMs(q.getColumn(i).getInt64());
}
void bindTime(SQLite::Statement& q, int i, const std::optional<TimePoint>& t) {
    if (t)
        q.bind(i, ms(*t));
    else
        q.bind(i);
}

Notification rowTo(SQLite::Statement& q) {
    Notification n;
    n.id = q.getColumn(0).getString();
    n.dedup_key = q.getColumn(1).getString();
    n.kind =
        notify::parseKind(q.getColumn(2).getString()).value_or(notify::NotificationKind::Reminder);
    n.channel = notify::parseChannel(q.getColumn(3).getString()).value_or(notify::Channel::Email);
    n.appointment_id = q.getColumn(4).getString();
    n.recipient = q.getColumn(5).getString();
    n.subject = q.getColumn(6).getString();
    n.body = q.getColumn(7).getString();
    n.due_at = fromMs(q.getColumn(8).getInt64());
    n.expires_at = optionalTime(q, 9);
    n.attempts = q.getColumn(10).getInt();
    n.next_attempt_at = fromMs(q.getColumn(11).getInt64());
    n.state = notify::parseState(q.getColumn(12).getString()).value_or(NotificationState::Pending);
    n.last_error_code = q.getColumn(13).getString();
    n.claim_token = q.getColumn(14).isNull() ? "" : q.getColumn(14).getString();
    n.lease_until = optionalTime(q, 15);
    n.sent_at = optionalTime(q, 16);
    n.created_at = fromMs(q.getColumn(17).getInt64());
    return n;
}

std::optional<Notification> findIn(SQLite::Database& c, const std::string& where,
                                   const std::string& value) {
    SQLite::Statement q(
        c, std::string("SELECT ") + kColumns + " FROM notification_outbox WHERE " + where + " = ?");
    q.bind(1, value);
    if (!q.executeStep()) return std::nullopt;
    return rowTo(q);
}

// Binds the content columns of a fresh row, in the order of the INSERT below.
void bindFresh(SQLite::Statement& q, const Notification& n) {
    q.bind(1, n.id);
    q.bind(2, n.dedup_key);
    q.bind(3, std::string(notify::kindCode(n.kind)));
    q.bind(4, std::string(notify::channelCode(n.channel)));
    q.bind(5, n.appointment_id);
    q.bind(6, n.recipient);
    q.bind(7, n.subject);
    q.bind(8, n.body);
    q.bind(9, ms(n.due_at));
    bindTime(q, 10, n.expires_at);
    q.bind(11, n.attempts);
    q.bind(12, ms(n.next_attempt_at));
    q.bind(13, std::string(notify::stateCode(n.state)));
    q.bind(14, ms(n.created_at));
}

template <typename F>
auto guarded(F&& f) {
    try {
        return f();
    } catch (const SQLite::Exception& e) {
        throw translateSqliteError(e);
    }
}

}  // namespace

notify::EnqueueResult SqliteOutboxStore::enqueue(const Notification& notification, TimePoint now) {
    const Notification fresh = notify::prepareForEnqueue(notification, now);
    notify::EnqueueResult result;
    db_.write([&] {
        guarded([&] {
            auto& c = db_.connection();
            SQLite::Statement insert(
                c,
                "INSERT INTO notification_outbox (id, dedup_key, kind, channel, appointment_id, "
                "recipient, subject, body, due_at_ms, expires_at_ms, attempts, next_attempt_at_ms, "
                "state, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (dedup_key) DO NOTHING");
            bindFresh(insert, fresh);
            try {
                if (insert.exec() == 1) {
                    result = {fresh, true};
                    return;
                }
            } catch (const SQLite::Exception& e) {
                // The key is new but its derived id is taken: a different notification.
                if (isUniqueViolation(e))
                    throw Error(ErrorKind::Conflict, "duplicate_notification_id",
                                "a notification with this id but another dedup key exists", "id");
                throw;
            }
            auto existing = findIn(c, "dedup_key", fresh.dedup_key);
            if (!existing)
                throw Error(ErrorKind::Internal, "outbox_inconsistent", "outbox row vanished");
            if (existing->state != NotificationState::Cancelled) {
                result = {*existing, false};
                return;
            }
            // A cancelled row was never sent: reinstate it with the new content.
            Notification reinstated = fresh;
            reinstated.id = existing->id;
            SQLite::Statement update(
                c,
                "UPDATE notification_outbox SET kind = ?, channel = ?, appointment_id = ?, "
                "recipient = ?, subject = ?, body = ?, due_at_ms = ?, expires_at_ms = ?, "
                "attempts = 0, next_attempt_at_ms = ?, state = 'pending', last_error_code = '', "
                "claim_token = NULL, lease_until_ms = NULL, sent_at_ms = NULL, created_at_ms = ? "
                "WHERE id = ? AND state = 'cancelled'");
            update.bind(1, std::string(notify::kindCode(reinstated.kind)));
            update.bind(2, std::string(notify::channelCode(reinstated.channel)));
            update.bind(3, reinstated.appointment_id);
            update.bind(4, reinstated.recipient);
            update.bind(5, reinstated.subject);
            update.bind(6, reinstated.body);
            update.bind(7, ms(reinstated.due_at));
            bindTime(update, 8, reinstated.expires_at);
            update.bind(9, ms(reinstated.next_attempt_at));
            update.bind(10, ms(reinstated.created_at));
            update.bind(11, reinstated.id);
            update.exec();
            result = {*findIn(c, "id", reinstated.id), true};
        });
    });
    return result;
}

std::vector<Notification> SqliteOutboxStore::claimDue(TimePoint now, std::size_t limit,
                                                      std::chrono::seconds lease) {
    std::vector<Notification> out;
    if (limit == 0) return out;
    db_.write([&] {
        guarded([&] {
            auto& c = db_.connection();
            // Claimable: pending and due, or sending with an expired lease (the claimant
            // crashed). Served in the order they became claimable, then by id.
            SQLite::Statement select(c, std::string("SELECT ") + kColumns +
                                            " FROM notification_outbox WHERE (state = 'pending' "
                                            "AND next_attempt_at_ms <= ?1)"
                                            " OR (state = 'sending' AND lease_until_ms <= ?1)"
                                            " ORDER BY CASE state WHEN 'sending' THEN "
                                            "lease_until_ms ELSE next_attempt_at_ms END,"
                                            " id LIMIT ?2");
            select.bind(1, ms(now));
            select.bind(2, static_cast<std::int64_t>(limit));
            std::vector<Notification> due;
            while (select.executeStep()) due.push_back(rowTo(select));
            SQLite::Statement mark(c,
                                   "UPDATE notification_outbox SET state = 'sending', attempts = "
                                   "?, lease_until_ms = ?, "
                                   "claim_token = ? WHERE id = ?");
            for (auto& n : due) {
                Notification claimed = notify::claimed(
                    n, now, lease, "claim-" + crypto::toHex(crypto::randomBytes(16)));
                mark.reset();
                mark.bind(1, claimed.attempts);
                bindTime(mark, 2, claimed.lease_until);
                mark.bind(3, claimed.claim_token);
                mark.bind(4, claimed.id);
                mark.exec();
                out.push_back(std::move(claimed));
            }
        });
    });
    return out;
}

bool SqliteOutboxStore::complete(const Notification& after) {
    if (after.claim_token.empty()) return false;
    bool done = false;
    db_.write([&] {
        guarded([&] {
            SQLite::Statement q(
                db_.connection(),
                "UPDATE notification_outbox SET state = ?, next_attempt_at_ms = ?, "
                "last_error_code = ?, sent_at_ms = ?, claim_token = NULL, lease_until_ms = NULL "
                "WHERE id = ? AND state = 'sending' AND claim_token = ?");
            q.bind(1, std::string(notify::stateCode(after.state)));
            q.bind(2, ms(after.next_attempt_at));
            q.bind(3, after.last_error_code);
            bindTime(q, 4, after.sent_at);
            q.bind(5, after.id);
            q.bind(6, after.claim_token);
            done = q.exec() == 1;
        });
    });
    return done;
}

std::size_t SqliteOutboxStore::cancelPending(std::string_view appointment_id,
                                             const std::vector<notify::NotificationKind>& kinds,
                                             TimePoint) {
    std::size_t count = 0;
    db_.write([&] {
        guarded([&] {
            SQLite::Statement q(db_.connection(),
                                "UPDATE notification_outbox SET state = 'cancelled' "
                                "WHERE appointment_id = ? AND kind = ? AND state = 'pending'");
            for (auto kind : kinds) {
                q.reset();
                q.bind(1, std::string(appointment_id));
                q.bind(2, std::string(notify::kindCode(kind)));
                count += std::size_t(q.exec());
            }
        });
    });
    return count;
}

std::vector<Notification> SqliteOutboxStore::list(const notify::OutboxQuery& query) {
    std::vector<Notification> out;
    db_.read([&] {
        guarded([&] {
            std::string sql =
                std::string("SELECT ") + kColumns + " FROM notification_outbox WHERE 1 = 1";
            if (query.state) sql += " AND state = ?1";
            if (!query.appointment_id.empty()) sql += " AND appointment_id = ?2";
            sql += " ORDER BY due_at_ms, id LIMIT ?3";
            SQLite::Statement q(db_.connection(), sql);
            if (query.state) q.bind(1, std::string(notify::stateCode(*query.state)));
            if (!query.appointment_id.empty()) q.bind(2, query.appointment_id);
            q.bind(3, static_cast<std::int64_t>(query.limit));
            while (q.executeStep()) out.push_back(rowTo(q));
        });
    });
    return out;
}

std::optional<Notification> SqliteOutboxStore::find(std::string_view id) {
    std::optional<Notification> out;
    db_.read([&] { guarded([&] { out = findIn(db_.connection(), "id", std::string(id)); }); });
    return out;
}

}  // namespace rxdesk::store
