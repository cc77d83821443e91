#pragma once

#include <string>

namespace rxdesk::crypto {

/// `n` bytes from the operating system's CSPRNG (OpenSSL RAND_bytes); throws on failure.
std::string randomBytes(std::size_t n);

/// A URL-safe random token carrying `bytes` bytes of entropy.
std::string randomToken(std::size_t bytes = 32);

}  // namespace rxdesk::crypto
