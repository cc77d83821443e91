#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace rxdesk::labels {

/// A Code 128 symbol ready to draw.
struct Code128Symbol {
    /// Symbol values in order: start code (104 B / 105 C), data and code-set switches
    /// (99 → C, 100 → B), check value, stop (106).
    std::vector<int> values;
    /// Element widths in modules, alternating bar, space, bar, …; starts and ends with a bar.
    /// Includes the stop pattern's final 2-module bar; excludes the quiet zones (10 modules
    /// each side are required around it).
    std::vector<int> widths;

    /// Total width in modules (11 per symbol value, 13 for stop).
    int moduleCount() const;
};

/// Encodes printable ASCII (0x20–0x7E) as Code 128 using code sets B and C, choosing C for
/// digit runs where it makes the symbol shorter: a whole even-length digit string, 4 or more
/// digits at the start or end, 6 or more in the middle (an odd run leaves its last digit in
/// B). Throws Error(ErrorKind::BadRequest, "barcode_invalid_text") for empty text or any
/// other character.
Code128Symbol encodeCode128(std::string_view text);

/// The Code 128 check value of `values` (start code first, no check, no stop):
/// (start + Σ position × value) mod 103, positions counted from 1 after the start.
int code128CheckValue(std::span<const int> values);

/// The bar/space widths of one symbol value: 6 elements for 0–105, 7 for the stop (106).
std::span<const int> code128Pattern(int value);

}  // namespace rxdesk::labels
