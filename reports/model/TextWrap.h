#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rxdesk::reports {

/// Returns the printed width (any unit, e.g. points) of one UTF-8 character.
using CharWidth = std::function<double(std::string_view character)>;

/// Splits UTF-8 text into characters (code points), each returned as a view into `text`.
/// A byte that does not start a well-formed sequence is returned as a one-byte character.
std::vector<std::string_view> utf8Characters(std::string_view text);

/// Breaks `text` into lines no wider than `max_width`, measuring each character with `width`.
/// - "\n" and "\r\n" force a line break; "\t" counts as a space.
/// - Japanese text breaks between any two characters; a run of ASCII letters, digits and
///   symbols (a word, a number, a code) breaks at its last space, and is cut by character
///   only when it is wider than a whole line.
/// - Line-start-prohibited characters (、。）」ー small kana …) never begin a line, and
///   opening brackets never end one: a neighbouring character moves with them (追い出し).
/// - Spaces at a break are dropped. A single character wider than max_width gets a line of
///   its own. Empty text gives one empty line; the result is never empty.
std::vector<std::string> wrapText(std::string_view text, double max_width, const CharWidth& width);

/// Fits `text` onto one line of at most `max_width`: returned unchanged when it fits (line
/// breaks become spaces), else cut at a character boundary with "…" appended.
std::string truncateText(std::string_view text, double max_width, const CharWidth& width);

}  // namespace rxdesk::reports
