#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rxdesk::crypto {

/// RFC 6238 time-based one-time passwords: HMAC-SHA1, 6 digits, 30-second steps,
/// the parameters every authenticator app uses by default.
class Totp {
public:
    static constexpr int kDigits = 6;
    static constexpr std::int64_t kStepSeconds = 30;

    /// A new random 160-bit secret, Base32-encoded.
    static std::string generateSecret();

    /// The code for a given time step (RFC 4226 HOTP with counter = step).
    static std::string codeAt(std::string_view secret_bytes, std::int64_t step);

    static std::int64_t stepOf(std::int64_t unix_seconds) { return unix_seconds / kStepSeconds; }

    /// Checks `code` against the steps around `unix_seconds` (± `window` steps, for clock
    /// drift) that are later than `last_used_step` (so a code cannot be replayed).
    /// Returns the matching step, or nullopt.
    static std::optional<std::int64_t> verify(std::string_view base32_secret, std::string_view code,
                                              std::int64_t unix_seconds,
                                              std::int64_t last_used_step, int window = 1);

    /// otpauth://totp/<issuer>:<account>?secret=…&issuer=… for QR enrolment.
    static std::string provisioningUri(std::string_view issuer, std::string_view account,
                                       std::string_view base32_secret);
};

}  // namespace rxdesk::crypto
