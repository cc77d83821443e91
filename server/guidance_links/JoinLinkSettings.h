#pragma once

#include <chrono>
#include <string>

namespace rxdesk::guidance {

enum class JwtAlgorithm { HS256, RS256 };

/// Configuration of the video service (a Jitsi Meet deployment with token authentication).
/// Read once at start-up; secrets come from the environment.
struct JoinLinkSettings {
    /// Host (optionally ":port") of the video service, e.g. "meet.example.jp". Used as the
    /// JWT "sub" claim and as the host of the join URL.
    std::string video_domain;
    /// JWT "iss" (Jitsi's app_id).
    std::string issuer;
    /// JWT "aud" (Jitsi accepts "jitsi" or the app_id, depending on its configuration).
    std::string audience = "jitsi";
    JwtAlgorithm algorithm = JwtAlgorithm::HS256;
    /// HS256: the app_secret shared with the video service, at least 32 bytes.
    std::string hmac_secret;
    /// RS256: the PEM-encoded RSA private key (PKCS#1 or PKCS#8, unencrypted).
    std::string rsa_private_key_pem;
    /// "kid" header; Jitsi's ASAP setup looks the public key up by it. Omitted when empty.
    std::string key_id;
    /// Secret for deriving room names (see guidance/RoomName.h), at least 32 bytes.
    std::string room_secret;
    /// The link works from this long before the appointment starts ...
    std::chrono::minutes open_before{15};
    /// ... until this long after it ends.
    std::chrono::minutes close_after{30};
};

}  // namespace rxdesk::guidance
