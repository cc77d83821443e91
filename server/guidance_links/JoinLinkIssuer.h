#pragma once

#include <memory>
#include <string>

#include "guidance/TimeRange.h"
#include "guidance_links/JoinLinkSettings.h"

namespace rxdesk::guidance {

/// Who the link is for. Only the pharmacist is a moderator of the room.
enum class ParticipantRole { Pharmacist, Patient };

struct JoinRequest {
    std::string appointment_id;
    /// The booked slot; the token is valid from start - open_before to end + close_after.
    TimeRange appointment;
    ParticipantRole role = ParticipantRole::Patient;
    /// Shown to the other side in the call. For patients prefer initials or 「患者様」:
    /// the token travels in a URL and may end up in logs.
    std::string display_name;
    /// Opaque id put in context.user.id (optional).
    std::string user_id;
};

/// A personal join link. `url` is "https://<video_domain>/<room>?jwt=<token>".
struct JoinLink {
    std::string url;
    std::string room;
    std::string token;
    TimePoint not_before;
    TimePoint expires_at;
};

/// Issues per-participant join links for guidance appointments. Thread-safe after
/// construction (issue() is const and keeps no state).
class JoinLinkIssuer {
public:
    /// Validates the settings. Throws Error(Internal, "invalid_join_link_settings") naming
    /// the setting when the domain is missing or malformed, the issuer or audience is empty,
    /// a secret is shorter than 32 bytes, the RSA key cannot be read, or a window is negative.
    explicit JoinLinkIssuer(JoinLinkSettings settings);
    ~JoinLinkIssuer();
    JoinLinkIssuer(const JoinLinkIssuer&) = delete;
    JoinLinkIssuer& operator=(const JoinLinkIssuer&) = delete;

    /// Signs a token with claims iss, aud, sub (video domain), room, iat (now), nbf, exp
    /// (whole seconds) and context.user {id, name, moderator}. Throws
    /// Error(BadRequest, "missing_appointment_id" | "invalid_appointment_time") for a bad
    /// request and Error(RuleViolation, "join_window_closed") when `now` is at or after the
    /// expiry (the appointment is over).
    JoinLink issue(const JoinRequest& request, TimePoint now) const;

    const JoinLinkSettings& settings() const { return settings_; }

private:
    struct Keys;
    JoinLinkSettings settings_;
    std::unique_ptr<Keys> keys_;
};

}  // namespace rxdesk::guidance
