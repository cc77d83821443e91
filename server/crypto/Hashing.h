#pragma once

#include <string>
#include <string_view>

namespace rxdesk::crypto {

/// SHA-256 digest as 32 raw bytes.
std::string sha256(std::string_view data);

/// SHA-256 digest as 64 lower-case hex characters.
std::string sha256Hex(std::string_view data);

/// HMAC with SHA-1 or SHA-256 (raw bytes).
std::string hmacSha1(std::string_view key, std::string_view data);
std::string hmacSha256(std::string_view key, std::string_view data);

/// Compares in time independent of where the inputs differ.
bool constantTimeEquals(std::string_view a, std::string_view b);

}  // namespace rxdesk::crypto
