#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace rxdesk::imaging {

/// A point in page pixel coordinates.
struct PixelPoint {
    int x = 0;
    int y = 0;

    friend bool operator==(const PixelPoint&, const PixelPoint&) = default;
};

/// One QR symbol found on a page, as the reader saw it.
struct QrSymbolRead {
    std::string bytes;        ///< the symbol's data bytes, no character-set conversion
    int index = 0;            ///< structured-append position, 0-based; 0 for a lone symbol
    int total = 1;            ///< symbols in the structured-append set; 1 for a lone symbol
    std::uint8_t parity = 0;  ///< structured-append parity; 0 for a lone symbol
    /// Corners in page coordinates: top-left, top-right, bottom-right, bottom-left of the
    /// symbol as oriented (so a page scanned upside down has top-left at the bottom right).
    std::array<PixelPoint, 4> position{};

    friend bool operator==(const QrSymbolRead&, const QrSymbolRead&) = default;
};

}  // namespace rxdesk::imaging
