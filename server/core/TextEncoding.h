#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rxdesk {

/// Converts Shift_JIS (Windows code page 932, as used by JAHIS QR codes, the claims drug
/// master and carrier CSVs) to UTF-8. Returns nullopt when the input is not valid CP932.
std::optional<std::string> cp932ToUtf8(std::string_view bytes);

/// Converts UTF-8 to CP932. Returns nullopt when the input is not valid UTF-8 or holds a
/// character CP932 cannot represent.
std::optional<std::string> utf8ToCp932(std::string_view text);

/// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates).
bool isValidUtf8(std::string_view bytes);

}  // namespace rxdesk
