#pragma once

#include <gtest/gtest.h>

#include <mutex>
#include <string>
#include <vector>

#include "core/TokyoTime.h"
#include "notify/Notification.h"
#include "notify/Transport.h"

namespace rxdesk::notify::test {

/// "2026-11-24T09:00:00+09:00" → instant; fails the test on a typo.
inline TimePoint at(const std::string& iso) {
    auto t = parseIso8601(iso);
    EXPECT_TRUE(t.has_value()) << iso;
    return t.value_or(TimePoint{});
}

/// A reminder for appointment `appointment_id`, due at `due`, by e-mail.
inline Notification sampleNotification(const std::string& appointment_id, TimePoint due,
                                       NotificationKind kind = NotificationKind::Reminder,
                                       Channel channel = Channel::Email) {
    Notification n;
    n.kind = kind;
    n.channel = channel;
    n.appointment_id = appointment_id;
    n.recipient = "patient@example.jp";
    n.subject = "件名";
    n.body = "本文 {{join_link}}";
    n.dedup_key = dedupKey(appointment_id, kind, channel, formatIso8601(due));
    n.due_at = due;
    return n;
}

/// A Transport that answers from a script (then `otherwise`) and records what it was given.
class ScriptedTransport : public Transport {
public:
    std::vector<SendResult> script;
    SendResult otherwise = SendResult::delivered();
    std::chrono::milliseconds max_send{1000};

    SendResult send(const Notification& n) override {
        std::lock_guard lock(mutex_);
        sent.push_back(n);
        if (next_ < script.size()) return script[next_++];
        return otherwise;
    }
    std::chrono::milliseconds maxSendDuration() const override { return max_send; }

    std::vector<Notification> sent;

private:
    std::mutex mutex_;
    std::size_t next_ = 0;
};

}  // namespace rxdesk::notify::test
