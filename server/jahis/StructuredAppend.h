#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "prescription/Finding.h"

namespace rxdesk::jahis {

/// One QR symbol of a structured-append set, as a QR reader reports it.
struct QrSymbol {
    int index = 0;            ///< position in the set, 0-based (0..15)
    int total = 1;            ///< number of symbols in the set (1..16)
    std::uint8_t parity = 0;  ///< XOR of every byte of the whole joined message
    std::string bytes;        ///< this symbol's data bytes, not yet decoded

    friend bool operator==(const QrSymbol&, const QrSymbol&) = default;
};

/// The joined message, or the reasons it could not be joined.
struct JoinResult {
    std::optional<std::string> bytes;  ///< nullopt when a part is missing or sets are mixed
    std::vector<prescription::Finding> findings;
};

/// Orders `symbols` by index and concatenates their bytes. Symbols may come in any order
/// and the same symbol may be read twice. Findings: "qr_no_symbols" (empty input),
/// "qr_mixed_sets" (totals or parities disagree, or one index carries different data),
/// "qr_bad_sequence" (index outside 0..total-1), "qr_missing_symbols" (evidence lists the
/// missing positions 1-based, e.g. "2/3"), all errors that leave `bytes` empty; and
/// "qr_parity_mismatch" (warning, bytes still returned) when the XOR of the joined bytes
/// is not the announced parity.
JoinResult joinStructuredAppend(const std::vector<QrSymbol>& symbols);

/// The structured-append parity of `bytes`: the XOR of all of them.
std::uint8_t structuredAppendParity(std::string_view bytes);

}  // namespace rxdesk::jahis
