#pragma once

#include <Poco/Net/ServerSocket.h>
#include <gtest/gtest.h>

#include "core/TokyoTime.h"
#include "notify/Dispatcher.h"
#include "notify/InMemoryOutboxStore.h"
#include "notify/MessageTemplates.h"
#include "notify_curl/CurlTransport.h"
#include "support/ManualClock.h"

namespace rxdesk::notify::test {

inline TimePoint at(const std::string& iso) {
    auto t = parseIso8601(iso);
    EXPECT_TRUE(t.has_value()) << iso;
    return t.value_or(TimePoint{});
}

/// Settings for talking to local stand-ins: plaintext allowed, short timeouts.
inline CurlTransportSettings localSettings() {
    CurlTransportSettings s;
    s.allow_plaintext = true;
    s.connect_timeout = std::chrono::milliseconds{2000};
    s.total_timeout = std::chrono::milliseconds{3000};
    s.smtp.from_address = "noreply@sakura-pharmacy.example.jp";
    s.smtp.from_name = "さくら薬局";
    s.smtp.message_id_domain = "rxdesk.example.jp";
    return s;
}

/// A port on 127.0.0.1 where nothing listens (bound, then closed).
inline unsigned short closedPort() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    const auto port = socket.address().port();
    socket.close();
    return port;
}

/// A booking-confirmation-style notification rendered from the real templates.
inline Notification rendered(NotificationKind kind, Channel channel, const std::string& recipient,
                             const std::string& appointment_id, TimePoint start, TimePoint due) {
    MessageContext context;
    context.pharmacy_name = "さくら薬局 駅前店";
    context.appointment_start = start;
    const auto message = renderMessage(kind, context);
    Notification n;
    n.kind = kind;
    n.channel = channel;
    n.appointment_id = appointment_id;
    n.recipient = recipient;
    n.subject = message.subject;
    n.body = message.body;
    n.due_at = due;
    n.expires_at = start;
    const auto discriminator =
        kind == NotificationKind::Reminder ? formatIso8601(due) : formatIso8601(start);
    n.dedup_key = dedupKey(appointment_id, kind, channel, discriminator);
    return n;
}

}  // namespace rxdesk::notify::test
