#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Clock.h"

namespace rxdesk::spool {

/// The optional metadata a gateway writes next to a document as "<document>.meta", BEFORE
/// the document itself (it is part of what must settle). UTF-8 or ASCII text, at most
/// kMaxSidecarBytes, one `key=value` a line (LF or CRLF); blank lines and lines starting
/// with '#' are skipped, spaces around key and value are trimmed, unknown keys are ignored
/// (so gateways may add their own), a repeated key keeps its last value. Keys:
///   sender=<fax number>       digits, optionally a leading "+", spaces, "-", "(", ")";
///                              stored as "+" and 6–20 digits only, e.g. "0312345678"
///   received_at=<ISO 8601>    "2026-11-21T14:35:00+09:00" or "...Z"; without an offset
///                              the time is taken as Asia/Tokyo
/// Example:
///   sender=03-1234-5678
///   received_at=2026-11-21T14:35:00+09:00
struct Sidecar {
    std::optional<std::string> sender_fax;
    std::optional<TimePoint> received_at;
    /// Machine codes of what was wrong and left out ("sidecar_malformed_line",
    /// "sidecar_invalid_sender", "sidecar_invalid_received_at"); never the values.
    std::vector<std::string> warnings;
};

inline constexpr std::size_t kMaxSidecarBytes = 4096;

/// Parses a sidecar's text. Never throws: unusable lines become warnings, so a broken
/// sidecar never holds back the fax itself.
Sidecar parseSidecar(std::string_view text);

}  // namespace rxdesk::spool
