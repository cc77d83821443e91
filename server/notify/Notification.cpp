#include "notify/Notification.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include "core/Error.h"
#include "core/TokyoTime.h"

namespace rxdesk::notify {
namespace {

bool hasControlCharacters(std::string_view s) {
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) return true;
    return false;
}

}  // namespace

std::string_view kindCode(NotificationKind kind) {
    switch (kind) {
        case NotificationKind::BookingConfirmation:
            return "booking_confirmation";
        case NotificationKind::Reminder:
            return "reminder";
        case NotificationKind::Change:
            return "change";
        case NotificationKind::Cancellation:
            return "cancellation";
    }
    return "unknown";
}

std::string_view channelCode(Channel channel) {
    switch (channel) {
        case Channel::Webhook:
            return "webhook";
        case Channel::Sms:
            return "sms";
        case Channel::Email:
            return "email";
    }
    return "unknown";
}

std::string_view stateCode(NotificationState state) {
    switch (state) {
        case NotificationState::Pending:
            return "pending";
        case NotificationState::Sending:
            return "sending";
        case NotificationState::Sent:
            return "sent";
        case NotificationState::FailedPermanently:
            return "failed_permanently";
        case NotificationState::Cancelled:
            return "cancelled";
    }
    return "unknown";
}

std::optional<NotificationKind> parseKind(std::string_view code) {
    for (auto k : {NotificationKind::BookingConfirmation, NotificationKind::Reminder,
                   NotificationKind::Change, NotificationKind::Cancellation})
        if (kindCode(k) == code) return k;
    return std::nullopt;
}

std::optional<Channel> parseChannel(std::string_view code) {
    for (auto c : {Channel::Webhook, Channel::Sms, Channel::Email})
        if (channelCode(c) == code) return c;
    return std::nullopt;
}

std::optional<NotificationState> parseState(std::string_view code) {
    for (auto s : {NotificationState::Pending, NotificationState::Sending, NotificationState::Sent,
                   NotificationState::FailedPermanently, NotificationState::Cancelled})
        if (stateCode(s) == code) return s;
    return std::nullopt;
}

bool isFinal(NotificationState state) {
    return state == NotificationState::Sent || state == NotificationState::FailedPermanently;
}

std::string dedupKey(std::string_view appointment_id, NotificationKind kind, Channel channel,
                     std::string_view discriminator) {
    if (appointment_id.empty())
        throw Error(ErrorKind::BadRequest, "missing_appointment_id",
                    "a notification key needs an appointment id", "appointment_id");
    std::string key = "appt:";
    key.append(appointment_id).append(":").append(kindCode(kind)).append(":");
    key.append(channelCode(channel)).append(":").append(discriminator);
    return key;
}

std::string notificationIdFor(std::string_view dedup_key) {
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(dedup_key.data(), unsigned(dedup_key.size()));
    return "ntf_" + Poco::DigestEngine::digestToHex(sha.digest()).substr(0, 32);
}

Notification prepareForEnqueue(Notification n, TimePoint now) {
    if (n.dedup_key.empty())
        throw Error(ErrorKind::BadRequest, "missing_dedup_key", "a notification needs a dedup key",
                    "dedup_key");
    if (n.recipient.empty())
        throw Error(ErrorKind::BadRequest, "missing_recipient", "a notification needs a recipient",
                    "recipient");
    // A CR/LF in an address would let it inject SMTP commands or mail headers.
    if (hasControlCharacters(n.recipient))
        throw Error(ErrorKind::BadRequest, "invalid_recipient",
                    "the recipient contains control characters", "recipient");
    if (n.body.empty())
        throw Error(ErrorKind::BadRequest, "missing_body", "a notification needs a body", "body");
    if (n.id.empty()) n.id = notificationIdFor(n.dedup_key);
    n.state = NotificationState::Pending;
    n.attempts = 0;
    n.next_attempt_at = n.due_at;
    n.last_error_code.clear();
    n.claim_token.clear();
    n.lease_until.reset();
    n.sent_at.reset();
    n.created_at = now;
    return n;
}

Notification claimed(Notification n, TimePoint now, std::chrono::seconds lease, std::string token) {
    n.state = NotificationState::Sending;
    n.attempts += 1;
    n.lease_until = now + lease;
    n.claim_token = std::move(token);
    return n;
}

bool isClaimable(const Notification& n, TimePoint now) {
    if (n.state == NotificationState::Pending) return n.next_attempt_at <= now;
    if (n.state == NotificationState::Sending) return n.lease_until && *n.lease_until <= now;
    return false;
}

std::string describeForLog(const Notification& n) {
    std::string s = "id=" + n.id;
    s.append(" kind=").append(kindCode(n.kind));
    s.append(" channel=").append(channelCode(n.channel));
    s.append(" state=").append(stateCode(n.state));
    s.append(" attempts=").append(std::to_string(n.attempts));
    if (!n.last_error_code.empty()) s.append(" error=").append(n.last_error_code);
    return s;
}

}  // namespace rxdesk::notify
