#include "reports/model/TextWrap.h"

#include <algorithm>
#include <array>

namespace rxdesk::reports {

namespace {

constexpr std::string_view kEllipsis = "…";

// JIS X 4051 line-start-prohibited characters (行頭禁則), the usual subset.
constexpr std::array<std::string_view, 44> kNoLineStart = {
    "、", "。", "，", "．", "・", "：", "；", "？", "！", "ー", "）", "」", "』", "】", "〕",
    "〉", "》", "］", "｝", "’",  "”",  "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ",
    "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "々", "…",  "‥",  "〜", "℃"};
// Line-end-prohibited characters (行末禁則): opening brackets.
constexpr std::array<std::string_view, 10> kNoLineEnd = {"（", "「", "『", "【", "〔",
                                                         "〈", "《", "［", "｛", "“"};

bool isSpace(std::string_view c) {
    return c == " " || c == "\t" || c == "　";
}

bool noLineStart(std::string_view c) {
    if (c.size() == 1)
        return c[0] == ')' || c[0] == ']' || c[0] == '}' || c[0] == ',' || c[0] == '.' ||
               c[0] == ':' || c[0] == ';' || c[0] == '!' || c[0] == '?' || c[0] == '%';
    return std::find(kNoLineStart.begin(), kNoLineStart.end(), c) != kNoLineStart.end();
}

bool noLineEnd(std::string_view c) {
    if (c.size() == 1) return c[0] == '(' || c[0] == '[' || c[0] == '{';
    return std::find(kNoLineEnd.begin(), kNoLineEnd.end(), c) != kNoLineEnd.end();
}

// Printable ASCII other than space: the characters that make up Latin words and numbers.
bool isWordChar(std::string_view c) {
    return c.size() == 1 && c[0] > ' ' && c[0] < 0x7f;
}

// A line may begin at chars[i] (i > 0) unless that would split a Latin word or break a
// kinsoku rule.
bool canBreakBefore(const std::vector<std::string_view>& chars, std::size_t i) {
    const auto prev = chars[i - 1];
    const auto next = chars[i];
    if (isSpace(prev)) return true;
    if (isWordChar(prev) && isWordChar(next)) return false;
    return !noLineStart(next) && !noLineEnd(prev);
}

std::string join(const std::vector<std::string_view>& chars, std::size_t from, std::size_t to) {
    while (to > from && isSpace(chars[to - 1])) --to;
    std::string out;
    for (std::size_t i = from; i < to; ++i) out += chars[i];
    return out;
}

// Wraps one paragraph (no hard line breaks) and appends its lines to `lines`.
void wrapParagraph(const std::vector<std::string_view>& chars, double max_width,
                   const CharWidth& width, std::vector<std::string>& lines) {
    std::vector<double> widths;
    widths.reserve(chars.size());
    for (auto c : chars) widths.push_back(width(c));

    std::size_t start = 0;
    double line_width = 0.0;
    std::size_t i = 0;
    while (i < chars.size()) {
        if (line_width + widths[i] <= max_width || i == start) {
            line_width += widths[i];
            ++i;
            continue;
        }
        // chars[i] does not fit: find the last allowed break in (start, i].
        std::size_t brk = i;
        while (brk > start && !canBreakBefore(chars, brk)) --brk;
        // No allowed break (one long word or a run of prohibited characters): cut at i.
        if (brk == start) brk = i;
        lines.push_back(join(chars, start, brk));
        start = brk;
        while (start < chars.size() && isSpace(chars[start])) ++start;
        line_width = 0.0;
        for (std::size_t k = start; k < i; ++k) line_width += widths[k];
        i = std::max(i, start);
    }
    if (start < chars.size()) lines.push_back(join(chars, start, chars.size()));
}

}  // namespace

std::vector<std::string_view> utf8Characters(std::string_view text) {
    std::vector<std::string_view> out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t len = 1;
        if (lead >= 0xF0 && lead <= 0xF4) {
            len = 4;
        } else if (lead >= 0xE0) {
            len = 3;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            len = 2;
        }
        if (lead >= 0xF5) len = 1;
        bool ok = i + len <= text.size();
        for (std::size_t k = 1; ok && k < len; ++k) {
            ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        }
        if (!ok) len = 1;
        out.push_back(text.substr(i, len));
        i += len;
    }
    return out;
}

std::vector<std::string> wrapText(std::string_view text, double max_width, const CharWidth& width) {
    std::vector<std::string> lines;
    std::vector<std::string_view> paragraph;
    const auto chars = utf8Characters(text);
    for (std::size_t i = 0; i < chars.size(); ++i) {
        const auto c = chars[i];
        if (c == "\r" && i + 1 < chars.size() && chars[i + 1] == "\n") continue;
        if (c == "\n" || c == "\r") {
            const std::size_t before = lines.size();
            wrapParagraph(paragraph, max_width, width, lines);
            if (lines.size() == before) lines.emplace_back();
            paragraph.clear();
            continue;
        }
        paragraph.push_back(c == "\t" ? std::string_view(" ") : c);
    }
    const std::size_t before = lines.size();
    wrapParagraph(paragraph, max_width, width, lines);
    if (lines.size() == before) lines.emplace_back();
    return lines;
}

std::string truncateText(std::string_view text, double max_width, const CharWidth& width) {
    std::vector<std::string_view> chars;
    for (auto c : utf8Characters(text)) {
        if (c == "\r") continue;
        chars.push_back(c == "\n" || c == "\t" ? std::string_view(" ") : c);
    }
    double total = 0.0;
    for (auto c : chars) total += width(c);
    if (total <= max_width) return join(chars, 0, chars.size());

    const double budget = max_width - width(kEllipsis);
    double used = 0.0;
    std::size_t n = 0;
    while (n < chars.size() && used + width(chars[n]) <= budget) used += width(chars[n++]);
    return join(chars, 0, n) + std::string(kEllipsis);
}

}  // namespace rxdesk::reports
