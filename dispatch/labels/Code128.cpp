#include "dispatch/labels/Code128.h"

#include <array>
#include <numeric>

#include "core/Error.h"

namespace rxdesk::labels {

namespace {

constexpr int kCodeC = 99;
constexpr int kCodeB = 100;
constexpr int kStartB = 104;
constexpr int kStartC = 105;
constexpr int kStop = 106;

// ISO/IEC 15417 symbol character patterns: bar, space, bar, space, bar, space widths.
constexpr std::array<std::array<int, 6>, 106> kPatterns = {{
    {2, 1, 2, 2, 2, 2}, {2, 2, 2, 1, 2, 2}, {2, 2, 2, 2, 2, 1}, {1, 2, 1, 2, 2, 3},
    {1, 2, 1, 3, 2, 2}, {1, 3, 1, 2, 2, 2}, {1, 2, 2, 2, 1, 3}, {1, 2, 2, 3, 1, 2},
    {1, 3, 2, 2, 1, 2}, {2, 2, 1, 2, 1, 3}, {2, 2, 1, 3, 1, 2}, {2, 3, 1, 2, 1, 2},
    {1, 1, 2, 2, 3, 2}, {1, 2, 2, 1, 3, 2}, {1, 2, 2, 2, 3, 1}, {1, 1, 3, 2, 2, 2},
    {1, 2, 3, 1, 2, 2}, {1, 2, 3, 2, 2, 1}, {2, 2, 3, 2, 1, 1}, {2, 2, 1, 1, 3, 2},
    {2, 2, 1, 2, 3, 1}, {2, 1, 3, 2, 1, 2}, {2, 2, 3, 1, 1, 2}, {3, 1, 2, 1, 3, 1},
    {3, 1, 1, 2, 2, 2}, {3, 2, 1, 1, 2, 2}, {3, 2, 1, 2, 2, 1}, {3, 1, 2, 2, 1, 2},
    {3, 2, 2, 1, 1, 2}, {3, 2, 2, 2, 1, 1}, {2, 1, 2, 1, 2, 3}, {2, 1, 2, 3, 2, 1},
    {2, 3, 2, 1, 2, 1}, {1, 1, 1, 3, 2, 3}, {1, 3, 1, 1, 2, 3}, {1, 3, 1, 3, 2, 1},
    {1, 1, 2, 3, 1, 3}, {1, 3, 2, 1, 1, 3}, {1, 3, 2, 3, 1, 1}, {2, 1, 1, 3, 1, 3},
    {2, 3, 1, 1, 1, 3}, {2, 3, 1, 3, 1, 1}, {1, 1, 2, 1, 3, 3}, {1, 1, 2, 3, 3, 1},
    {1, 3, 2, 1, 3, 1}, {1, 1, 3, 1, 2, 3}, {1, 1, 3, 3, 2, 1}, {1, 3, 3, 1, 2, 1},
    {3, 1, 3, 1, 2, 1}, {2, 1, 1, 3, 3, 1}, {2, 3, 1, 1, 3, 1}, {2, 1, 3, 1, 1, 3},
    {2, 1, 3, 3, 1, 1}, {2, 1, 3, 1, 3, 1}, {3, 1, 1, 1, 2, 3}, {3, 1, 1, 3, 2, 1},
    {3, 3, 1, 1, 2, 1}, {3, 1, 2, 1, 1, 3}, {3, 1, 2, 3, 1, 1}, {3, 3, 2, 1, 1, 1},
    {3, 1, 4, 1, 1, 1}, {2, 2, 1, 4, 1, 1}, {4, 3, 1, 1, 1, 1}, {1, 1, 1, 2, 2, 4},
    {1, 1, 1, 4, 2, 2}, {1, 2, 1, 1, 2, 4}, {1, 2, 1, 4, 2, 1}, {1, 4, 1, 1, 2, 2},
    {1, 4, 1, 2, 2, 1}, {1, 1, 2, 2, 1, 4}, {1, 1, 2, 4, 1, 2}, {1, 2, 2, 1, 1, 4},
    {1, 2, 2, 4, 1, 1}, {1, 4, 2, 1, 1, 2}, {1, 4, 2, 2, 1, 1}, {2, 4, 1, 2, 1, 1},
    {2, 2, 1, 1, 1, 4}, {4, 1, 3, 1, 1, 1}, {2, 4, 1, 1, 1, 2}, {1, 3, 4, 1, 1, 1},
    {1, 1, 1, 2, 4, 2}, {1, 2, 1, 1, 4, 2}, {1, 2, 1, 2, 4, 1}, {1, 1, 4, 2, 1, 2},
    {1, 2, 4, 1, 1, 2}, {1, 2, 4, 2, 1, 1}, {4, 1, 1, 2, 1, 2}, {4, 2, 1, 1, 1, 2},
    {4, 2, 1, 2, 1, 1}, {2, 1, 2, 1, 4, 1}, {2, 1, 4, 1, 2, 1}, {4, 1, 2, 1, 2, 1},
    {1, 1, 1, 1, 4, 3}, {1, 1, 1, 3, 4, 1}, {1, 3, 1, 1, 4, 1}, {1, 1, 4, 1, 1, 3},
    {1, 1, 4, 3, 1, 1}, {4, 1, 1, 1, 1, 3}, {4, 1, 1, 3, 1, 1}, {1, 1, 3, 1, 4, 1},
    {1, 1, 4, 1, 3, 1}, {3, 1, 1, 1, 4, 1}, {4, 1, 1, 1, 3, 1}, {2, 1, 1, 4, 1, 2},
    {2, 1, 1, 2, 1, 4}, {2, 1, 1, 2, 3, 2},
}};
constexpr std::array<int, 7> kStopPattern = {2, 3, 3, 1, 1, 1, 2};

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

std::size_t digitRun(std::string_view text, std::size_t from) {
    std::size_t n = 0;
    while (from + n < text.size() && isDigit(text[from + n])) ++n;
    return n;
}

}  // namespace

int Code128Symbol::moduleCount() const {
    return std::accumulate(widths.begin(), widths.end(), 0);
}

std::span<const int> code128Pattern(int value) {
    if (value == kStop) return kStopPattern;
    if (value < 0 || value > kStop) {
        throw Error(ErrorKind::Internal, "barcode_invalid_value", "no Code 128 symbol value");
    }
    return kPatterns[static_cast<std::size_t>(value)];
}

int code128CheckValue(std::span<const int> values) {
    if (values.empty()) return 0;
    long sum = values[0];
    for (std::size_t i = 1; i < values.size(); ++i) sum += static_cast<long>(i) * values[i];
    return static_cast<int>(sum % 103);
}

Code128Symbol encodeCode128(std::string_view text) {
    if (text.empty()) {
        throw Error(ErrorKind::BadRequest, "barcode_invalid_text", "barcode text is empty");
    }
    for (char c : text) {
        if (c < 0x20 || c > 0x7e) {
            throw Error(ErrorKind::BadRequest, "barcode_invalid_text",
                        "barcode text must be printable ASCII");
        }
    }

    Code128Symbol symbol;
    auto& values = symbol.values;
    enum class Set { None, B, C } set = Set::None;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t run = digitRun(text, i);
        const bool at_end = i + run == text.size();
        bool use_c;
        if (set == Set::C) {
            use_c = run >= 2;
        } else if (set == Set::None) {
            use_c = (at_end && run >= 2 && run % 2 == 0) || run >= 4;
        } else {
            use_c = at_end ? run >= 4 : run >= 6;
        }
        if (use_c) {
            if (set == Set::None) {
                values.push_back(kStartC);
            } else if (set != Set::C) {
                values.push_back(kCodeC);
            }
            set = Set::C;
            for (std::size_t pairs = run / 2; pairs > 0; --pairs, i += 2) {
                values.push_back((text[i] - '0') * 10 + (text[i + 1] - '0'));
            }
        } else {
            if (set == Set::None) {
                values.push_back(kStartB);
            } else if (set != Set::B) {
                values.push_back(kCodeB);
            }
            set = Set::B;
            values.push_back(text[i] - 0x20);
            ++i;
        }
    }
    values.push_back(code128CheckValue(values));
    values.push_back(kStop);

    for (int v : values) {
        const auto pattern = code128Pattern(v);
        symbol.widths.insert(symbol.widths.end(), pattern.begin(), pattern.end());
    }
    return symbol;
}

}  // namespace rxdesk::labels
