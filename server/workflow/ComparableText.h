#pragma once

#include <string>
#include <string_view>

namespace rxdesk::workflow {

/// The form of a UTF-8 text used to decide whether two transcriptions of one prescription
/// field say the same thing. Removes differences that carry no meaning:
/// - full-width ASCII (Ａ–ｚ, ０–９, ．, －, （ …) becomes ASCII;
/// - half-width katakana (ｶﾞ, ﾔﾏﾀﾞ) becomes full-width, voiced marks composed (ガ, ヤマダ);
/// - all white space (ASCII and the ideographic space U+3000) is removed, so leading,
///   trailing and inner spacing (「山田 太郎」 vs 「山田　太郎」 vs 「山田太郎」) never differ.
/// Everything else, including letter case and invalid UTF-8 bytes, is kept as is.
std::string comparableText(std::string_view text);

/// comparableText(), then, when the result is a plain decimal number, its canonical form
/// without leading zeros or trailing fractional zeros ("01.50" → "1.5", "２" → "2",
/// "1.0" → "1"); other texts are returned as comparableText() gives them.
std::string comparableAmount(std::string_view text);

}  // namespace rxdesk::workflow
