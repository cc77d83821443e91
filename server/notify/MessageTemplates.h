#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/Clock.h"
#include "notify/Notification.h"

namespace rxdesk::notify {

/// Stands for the participant's join link in a body. The link (a signed token) is filled in
/// at send time by the Dispatcher, so no token sits in the outbox.
inline constexpr std::string_view kJoinLinkPlaceholder = "{{join_link}}";

/// Replaces the placeholder when no join link can be issued.
inline constexpr std::string_view kJoinLinkFallbackJa =
    "（参加用リンクは、あらためて薬局からご案内します）";

/// What a message may say. Deliberately has no patient name, drug or diagnosis field:
/// SMS gateways, mail relays and webhooks are third parties, so a message says only that
/// there is an appointment at this pharmacy and when.
struct MessageContext {
    std::string pharmacy_name;
    /// The pharmacy's phone number for questions; the line is left out when empty.
    std::string pharmacy_phone;
    TimePoint appointment_start{};
    /// For Change: the start before the change; the line is left out when nullopt.
    std::optional<TimePoint> previous_start;
};

/// A rendered message: `subject` for e-mail and webhook, `body` for every channel.
struct Message {
    std::string subject;
    std::string body;
};

/// Renders the Japanese message of `kind`. Date and time are Asia/Tokyo, e.g.
/// "2026年11月24日（火）14:30". Confirmation, reminder and change carry kJoinLinkPlaceholder;
/// a cancellation does not. Lines end with "\n". Throws Error(BadRequest,
/// "missing_pharmacy_name") when the pharmacy name is empty and Error(BadRequest,
/// "invalid_pharmacy_name") when name or phone contain control characters.
Message renderMessage(NotificationKind kind, const MessageContext& context);

/// "2026年11月24日（火）14:30" for an instant, in Asia/Tokyo.
std::string formatJapaneseDateTime(TimePoint t);

/// `body` with every kJoinLinkPlaceholder replaced by `join_link`, or by kJoinLinkFallbackJa
/// when `join_link` is empty.
std::string fillJoinLink(std::string_view body, std::string_view join_link);

}  // namespace rxdesk::notify
