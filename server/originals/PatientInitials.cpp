#include "originals/PatientInitials.h"

#include <vector>

#include "workflow/ComparableText.h"

namespace rxdesk::originals {
namespace {

// Full-width katakana ア (U+30A1) … ヴ (U+30F4), in code point order, to the initial of the
// syllable's Hepburn romanisation. Small kana keep their vowel; '-' marks no initial.
constexpr std::u32string_view kKatakana =
    U"ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトド"
    U"ナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴ";
constexpr std::string_view kInitials =
    "AAIIUUEEOOKGKGKGKGKGSZSJSZSZSZTDCJTTZTDTDNNNNNHBPHBPFBPHBPHBPMMMMMYYYYYYRRRRRWWIEONV";
static_assert(kKatakana.size() == kInitials.size());

std::vector<std::string_view> parts(std::string_view name) {
    std::vector<std::string_view> out;
    constexpr std::string_view kIdeographicSpace = "\u3000";
    size_t start = 0;
    for (size_t i = 0; i <= name.size();) {
        size_t sep = 0;
        if (i == name.size())
            sep = 1;
        else if (name[i] == ' ' || name[i] == '\t')
            sep = 1;
        else if (name.substr(i).starts_with(kIdeographicSpace))
            sep = kIdeographicSpace.size();
        if (sep == 0) {
            ++i;
            continue;
        }
        if (i > start) out.push_back(name.substr(start, i - start));
        i += sep;
        start = i;
    }
    return out;
}

// The first code point of a UTF-8 text (0 when empty or malformed).
char32_t firstCodePoint(std::string_view s) {
    if (s.empty()) return 0;
    auto b = static_cast<unsigned char>(s[0]);
    if (b < 0x80) return b;
    int n = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
    if (n < 0 || s.size() <= size_t(n)) return 0;
    char32_t cp = b & (0x3F >> n);
    for (int i = 1; i <= n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    return cp;
}

char initialOf(char32_t cp) {
    if (cp >= U'ぁ' && cp <= U'ゔ') cp += U'ァ' - U'ぁ';  // hiragana → katakana
    size_t at = kKatakana.find(cp);
    return at == std::u32string_view::npos ? 0 : kInitials[at];
}

}  // namespace

std::string patientInitials(std::string_view kana_name) {
    std::string out;
    for (std::string_view part : parts(kana_name)) {
        // Half-width katakana become full-width (ｼﾞ → ジ) before the lookup.
        char initial = initialOf(firstCodePoint(workflow::comparableText(part)));
        if (!initial) continue;
        out += initial;
        out += '.';
    }
    return out;
}

}  // namespace rxdesk::originals
