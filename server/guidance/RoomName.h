#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rxdesk::guidance {

/// Minimum length of the room secret, in bytes.
inline constexpr std::size_t kMinRoomSecretBytes = 32;

/// The video room of one appointment: "rx" + the first 32 hex digits (128 bits) of
/// HMAC-SHA256(secret, "rxdesk-room:" + appointment_id). Stable for an appointment,
/// unguessable without the secret, and only [a-z0-9] so it is safe in a URL path and as a
/// Jitsi room name. Throws Error(BadRequest, "missing_appointment_id") for an empty id and
/// Error(Internal, "weak_room_secret") when the secret is shorter than kMinRoomSecretBytes.
std::string roomName(std::string_view appointment_id, std::string_view secret);

}  // namespace rxdesk::guidance
