#include "workflow/ComparableText.h"

#include <array>
#include <cstdint>

namespace rxdesk::workflow {
namespace {

// Full-width katakana for U+FF61 … U+FF9F, in order.
constexpr std::array<char32_t, 63> kHalfwidthKana{
    U'。', U'「', U'」', U'、', U'・', U'ヲ', U'ァ', U'ィ', U'ゥ', U'ェ', U'ォ', U'ャ', U'ュ',
    U'ョ', U'ッ', U'ー', U'ア', U'イ', U'ウ', U'エ', U'オ', U'カ', U'キ', U'ク', U'ケ', U'コ',
    U'サ', U'シ', U'ス', U'セ', U'ソ', U'タ', U'チ', U'ツ', U'テ', U'ト', U'ナ', U'ニ', U'ヌ',
    U'ネ', U'ノ', U'ハ', U'ヒ', U'フ', U'ヘ', U'ホ', U'マ', U'ミ', U'ム', U'メ', U'モ', U'ヤ',
    U'ユ', U'ヨ', U'ラ', U'リ', U'ル', U'レ', U'ロ', U'ワ', U'ン', U'゛', U'゜'};

constexpr char32_t kHalfwidthVoiced = 0xFF9E;
constexpr char32_t kHalfwidthSemiVoiced = 0xFF9F;

bool isHaGyou(char32_t c) {
    return c == U'ハ' || c == U'ヒ' || c == U'フ' || c == U'ヘ' || c == U'ホ';
}

// Katakana whose voiced form is the next code point: カ…ト and ハ…ホ.
bool takesVoicedMark(char32_t c) {
    if (c >= U'カ' && c <= U'ト') {
        // The small ッ (U+30C3) sits inside the range and has no voiced form; the voiceable
        // letters up to チ are the odd code points, from ツ on the even ones.
        if (c == U'ッ') return false;
        return c <= U'チ' ? (c % 2 == 1) : (c % 2 == 0);
    }
    return isHaGyou(c);
}

// Decodes one UTF-8 sequence at `i`; invalid bytes are returned as themselves (marked by
// `valid = false`) so that they survive untouched.
char32_t decode(std::string_view s, size_t& i, bool& valid) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    valid = true;
    int len = b0 < 0x80           ? 1
              : (b0 >> 5) == 0x6  ? 2
              : (b0 >> 4) == 0xE  ? 3
              : (b0 >> 3) == 0x1E ? 4
                                  : 0;
    if (len == 0 || i + len > s.size()) {
        valid = false;
        ++i;
        return b0;
    }
    char32_t c = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    for (int k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) {
            valid = false;
            ++i;
            return b0;
        }
        c = (c << 6) | (b & 0x3F);
    }
    i += len;
    return c;
}

void encode(char32_t c, std::string& out) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool isSpace(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\v' || c == U'\f' ||
           c == 0x3000 || c == 0x00A0;
}

}  // namespace

std::string comparableText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    char32_t pending = 0;  // last katakana written, for composing a following voiced mark
    while (i < text.size()) {
        bool valid = true;
        const size_t start = i;
        char32_t c = decode(text, i, valid);
        if (!valid) {
            out.append(text.substr(start, i - start));
            pending = 0;
            continue;
        }
        if (isSpace(c)) continue;
        if (c >= 0xFF01 && c <= 0xFF5E) {
            c = c - 0xFF01 + 0x21;
        } else if ((c == kHalfwidthVoiced || c == kHalfwidthSemiVoiced) && pending != 0) {
            char32_t composed = 0;
            if (c == kHalfwidthVoiced && pending == U'ウ')
                composed = U'ヴ';
            else if (c == kHalfwidthVoiced && takesVoicedMark(pending))
                composed = pending + 1;
            else if (c == kHalfwidthSemiVoiced && isHaGyou(pending))
                composed = pending + 2;
            if (composed != 0) {
                // Replace the katakana just written (3 bytes in UTF-8) by its composed form.
                out.resize(out.size() - 3);
                encode(composed, out);
                pending = 0;
                continue;
            }
        }
        if (c >= 0xFF61 && c <= 0xFF9F) c = kHalfwidthKana[c - 0xFF61];
        pending = (c >= 0x30A1 && c <= 0x30FA) ? c : 0;
        encode(c, out);
    }
    return out;
}

std::string comparableAmount(std::string_view text) {
    std::string s = comparableText(text);
    size_t dot = s.find('.');
    const std::string_view whole = std::string_view(s).substr(0, dot);
    const std::string_view fraction =
        dot == std::string::npos ? std::string_view{} : std::string_view(s).substr(dot + 1);
    auto digits = [](std::string_view v) {
        for (char c : v)
            if (c < '0' || c > '9') return false;
        return true;
    };
    if (s.empty() || !digits(whole) || !digits(fraction) || (whole.empty() && fraction.empty()))
        return s;

    std::string_view w = whole;
    while (w.size() > 1 && w.front() == '0') w.remove_prefix(1);
    std::string_view f = fraction;
    while (!f.empty() && f.back() == '0') f.remove_suffix(1);
    std::string canonical(w.empty() ? "0" : w);
    if (!f.empty()) canonical += "." + std::string(f);
    return canonical;
}

}  // namespace rxdesk::workflow
