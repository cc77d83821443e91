#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "reports/model/TextWrap.h"

using namespace rxdesk::reports;

namespace {

// A monospace stand-in for the font: ASCII is 1 unit wide, everything else 2.
double unitWidth(std::string_view c) {
    return c.size() == 1 ? 1.0 : 2.0;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST(TextWrap, SplitsUtf8IntoCharactersAndKeepsBadBytesSingle) {
    const auto chars = utf8Characters("aé要\xff𠮷");
    ASSERT_EQ(chars.size(), 5u);
    EXPECT_EQ(chars[1], "é");
    EXPECT_EQ(chars[2], "要");
    EXPECT_EQ(chars[3], "\xff");
    EXPECT_EQ(chars[4], "𠮷");
    EXPECT_EQ(utf8Characters("\xe8\x81").size(), 2u);  // truncated sequence
}

TEST(TextWrap, WrapsAsExpected) {
    struct Case {
        const char* name;
        const char* text;
        double width;
        Lines expected;
    };
    const Case cases[] = {
        {"fits", "要冷蔵", 6, {"要冷蔵"}},
        {"japanese breaks between any characters", "服薬指導記録", 6, {"服薬指", "導記録"}},
        {"latin breaks at spaces", "take one tablet", 10, {"take one", "tablet"}},
        {"long latin word is cut", "ABCDEFGHIJKL", 5, {"ABCDE", "FGHIJ", "KL"}},
        {"mixed keeps a code whole", "薬剤ABC123です", 8, {"薬剤", "ABC123で", "す"}},
        {"no line starts with 。", "あいうえ。", 8, {"あいう", "え。"}},
        {"no line starts with small kana", "いちょう", 4, {"い", "ちょ", "う"}},
        {"no line ends with 「", "はい「冷所」", 6, {"はい", "「冷", "所」"}},
        {"hard breaks kept", "一行目\n二行目\r\n\n四", 20, {"一行目", "二行目", "", "四"}},
        {"too wide char gets own line", "要冷", 1, {"要", "冷"}},
        {"empty gives one empty line", "", 10, {""}},
        {"spaces at break are dropped", "ab   cd", 3, {"ab", "cd"}},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(wrapText(c.text, c.width, unitWidth), c.expected) << c.name;
    }
}

TEST(TextWrap, EveryWrappedLineFitsTheWidth) {
    const std::string text =
        "ロキソプロフェンナトリウム錠60mg「サワイ」 1回1錠 1日3回毎食後 14日分、"
        "症状が治まったら中止してください。Take with water.";
    for (double width : {6.0, 9.0, 13.0, 20.0, 31.0}) {
        std::string joined;
        for (const auto& line : wrapText(text, width, unitWidth)) {
            double w = 0;
            for (auto c : utf8Characters(line)) w += unitWidth(c);
            EXPECT_LE(w, width) << line;
            joined += line;
        }
        std::string without_spaces;
        for (char ch : text) {
            if (ch != ' ') without_spaces += ch;
        }
        std::string joined_without;
        for (char ch : joined) {
            if (ch != ' ') joined_without += ch;
        }
        EXPECT_EQ(joined_without, without_spaces) << "nothing lost at width " << width;
    }
}

TEST(TextWrap, TruncatesWithEllipsisOnlyWhenTooWide) {
    EXPECT_EQ(truncateText("要冷蔵", 6, unitWidth), "要冷蔵");
    EXPECT_EQ(truncateText("ロキソプロフェン", 8, unitWidth), "ロキソ…");
    EXPECT_EQ(truncateText("a\nb", 8, unitWidth), "a b");
}
