#pragma once

#include <string_view>

#include "jahis/ParseResult.h"

namespace rxdesk::jahis {

/// Reads the text of a JAHIS 院外処方箋2次元シンボル (versions 5 to 10) into a Prescription.
class JahisParser {
public:
    /// `text` is the decoded UTF-8 payload (see decodeQrPayload): a "JAHIS<n>" header line,
    /// then one CSV record per line (CRLF, LF or CR). Never throws and never rejects a
    /// prescription for a bad record: unknown records, malformed or missing fields, records
    /// referring to an absent Rp or drug and repeated single records become findings whose
    /// evidence names the line, and everything readable is kept.
    /// `prescription` is nullopt only when there is no JAHIS header ("jahis_missing_header")
    /// or the text is not UTF-8 ("jahis_invalid_encoding"). A version outside 5..10 is
    /// parsed anyway with "jahis_unsupported_version".
    static ParseResult parse(std::string_view text);

    static constexpr int kMinVersion = 5;
    static constexpr int kMaxVersion = 10;
};

}  // namespace rxdesk::jahis
