#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rxdesk::crypto {

/// Lower-case hexadecimal.
std::string toHex(std::string_view bytes);

/// Base64 with the URL-safe alphabet and no padding (RFC 4648 §5).
std::string toBase64Url(std::string_view bytes);
std::optional<std::string> fromBase64Url(std::string_view text);

/// Base32 (RFC 4648), upper case, no padding: the alphabet of TOTP secrets.
std::string toBase32(std::string_view bytes);
/// Accepts upper or lower case, ignores spaces and '='; nullopt on any other character.
std::optional<std::string> fromBase32(std::string_view text);

}  // namespace rxdesk::crypto
