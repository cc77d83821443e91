#pragma once

#include <string>
#include <string_view>

namespace rxdesk::crypto {

/// PBKDF2-HMAC-SHA256 with a per-password random salt. Hashes are self-describing strings
/// "pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>", so the iteration count can be
/// raised later without invalidating stored hashes.
class PasswordHasher {
public:
    static constexpr int kDefaultIterations = 310000;  // OWASP 2023 figure for PBKDF2-SHA256

    explicit PasswordHasher(int iterations = kDefaultIterations) : iterations_(iterations) {}

    std::string hash(std::string_view password) const;

    /// False for a wrong password and for a malformed stored hash.
    bool verify(std::string_view password, std::string_view stored) const;

private:
    int iterations_;
};

}  // namespace rxdesk::crypto
