#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/Clock.h"

namespace rxdesk::notify {

/// Why the patient is told something.
enum class NotificationKind {
    BookingConfirmation,  ///< "booking_confirmation": an online guidance appointment was booked
    Reminder,             ///< "reminder": the appointment is coming up
    Change,               ///< "change": the appointment was moved
    Cancellation,         ///< "cancellation": the appointment was cancelled
};

/// How the message travels.
enum class Channel {
    Webhook,  ///< "webhook": JSON POST to the pharmacy's messaging integration
    Sms,      ///< "sms": an SMS gateway
    Email,    ///< "email": an SMTP relay
};

/// Where a notification is in the outbox.
///
///   pending ──claim──▶ sending ──delivered──▶ sent
///      ▲                 │  │
///      └──retryable──────┘  └──permanent / attempts exhausted / expired──▶ failed_permanently
///   pending ──cancelPending──▶ cancelled ──enqueue (same dedup key)──▶ pending
///   sending, lease expired ──claim──▶ sending (another attempt)
enum class NotificationState {
    Pending,            ///< "pending": waiting for next_attempt_at
    Sending,            ///< "sending": claimed by a dispatcher until lease_until
    Sent,               ///< "sent": the upstream accepted it (final)
    FailedPermanently,  ///< "failed_permanently": will not be tried again (final)
    Cancelled,          ///< "cancelled": withdrawn before sending (appointment moved/cancelled)
};

/// One message in the outbox.
///
/// `recipient` (e-mail address, phone number or webhook recipient id) and `body` are patient
/// data: never log them, never put them in an Error message. Use describeForLog() for logs.
/// Times are instants (UTC inside).
struct Notification {
    /// Stable id, by default derived from dedup_key (notificationIdFor). Sent upstream as the
    /// idempotency key, so a re-send after a crash is recognisable as a duplicate.
    std::string id;
    NotificationKind kind = NotificationKind::BookingConfirmation;
    Channel channel = Channel::Email;
    /// The appointment this is about (an opaque id, not patient data); used to cancel
    /// pending reminders when the appointment moves.
    std::string appointment_id;
    std::string recipient;
    /// Used by e-mail (Subject) and webhook; SMS sends the body only.
    std::string subject;
    /// Japanese text; may contain kJoinLinkPlaceholder, filled at send time.
    std::string body;
    /// At most one notification per key ever exists (see dedupKey).
    std::string dedup_key;
    /// When it should go out at the earliest.
    TimePoint due_at{};
    /// After this instant it is pointless (e.g. a reminder after the appointment started):
    /// it is failed with "expired" instead of being sent. nullopt: never expires.
    std::optional<TimePoint> expires_at;
    /// How many times it has been claimed for sending (including the current claim).
    int attempts = 0;
    /// When it may be claimed next (pending). Equals due_at until the first failure.
    TimePoint next_attempt_at{};
    NotificationState state = NotificationState::Pending;
    /// Stable machine code of the last failure ("http_503", "curl_timeout", "smtp_550", …),
    /// empty when none. Never contains patient data.
    std::string last_error_code;
    /// Set by claimDue; identifies one claim so that a late complete() from a claim whose
    /// lease expired cannot overwrite a newer claim's outcome.
    std::string claim_token;
    std::optional<TimePoint> lease_until;
    std::optional<TimePoint> sent_at;
    TimePoint created_at{};
};

/// Stable codes: "booking_confirmation"/"reminder"/"change"/"cancellation";
/// "webhook"/"sms"/"email"; "pending"/"sending"/"sent"/"failed_permanently"/"cancelled".
/// The parse functions return nullopt for unknown codes.
std::string_view kindCode(NotificationKind kind);
std::string_view channelCode(Channel channel);
std::string_view stateCode(NotificationState state);
std::optional<NotificationKind> parseKind(std::string_view code);
std::optional<Channel> parseChannel(std::string_view code);
std::optional<NotificationState> parseState(std::string_view code);

/// True for sent and failed_permanently: such a notification never changes again. (Cancelled
/// is not final: enqueue with the same dedup key reinstates it.)
bool isFinal(NotificationState state);

/// "appt:<appointment_id>:<kind>:<channel>:<discriminator>". The discriminator makes events
/// of the same kind distinct: for a reminder the instant it is due (formatIso8601), for a
/// confirmation the appointment start, for a change the new start plus the appointment's
/// change sequence, for a cancellation the start that was cancelled. Throws
/// Error(BadRequest, "missing_appointment_id") for an empty appointment id.
std::string dedupKey(std::string_view appointment_id, NotificationKind kind, Channel channel,
                     std::string_view discriminator);

/// "ntf_" + the first 32 hex digits of SHA-256(dedup_key): the same key always gives the
/// same id, so every attempt of a notification carries the same idempotency key.
std::string notificationIdFor(std::string_view dedup_key);

/// Checks what enqueue needs and fills the defaults: id from the dedup key when empty,
/// state pending, attempts 0, next_attempt_at = due_at, no claim, created_at = now.
/// Throws Error(BadRequest) with code missing_dedup_key, missing_recipient, missing_body or
/// invalid_recipient (CR/LF or other control characters), never quoting the value.
Notification prepareForEnqueue(Notification n, TimePoint now);

/// The claim transition the store applies: state sending, attempts + 1, lease_until =
/// now + lease, claim_token = token.
Notification claimed(Notification n, TimePoint now, std::chrono::seconds lease, std::string token);

/// Eligible for claimDue at `now`: pending with next_attempt_at <= now, or sending with
/// lease_until <= now (the previous claimant crashed or hung).
bool isClaimable(const Notification& n, TimePoint now);

/// "id=ntf_… kind=reminder channel=sms state=pending attempts=1 error=http_503": everything
/// useful for a log line and nothing about the patient (no recipient, subject or body).
std::string describeForLog(const Notification& n);

}  // namespace rxdesk::notify
