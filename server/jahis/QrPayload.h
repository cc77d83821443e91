#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rxdesk::jahis {

/// Turns the raw bytes of a (joined) JAHIS QR payload into UTF-8 text. A leading UTF-8 BOM
/// is dropped; bytes that are well-formed UTF-8 are taken as UTF-8, anything else is
/// decoded as Shift_JIS (CP932), which is what most prescription printers emit. Returns
/// nullopt when the bytes are neither.
std::optional<std::string> decodeQrPayload(std::string_view bytes);

}  // namespace rxdesk::jahis
