#include <gtest/gtest.h>

#include "workflow/ComparableText.h"

namespace rxdesk::workflow {
namespace {

TEST(ComparableText, RemovesWidthAndSpacingDifferences) {
    const struct {
        const char* input;
        const char* expected;
    } cases[] = {
        {"ＡＢＣ１２３", "ABC123"},
        {"１日３回　毎食後", "1日3回毎食後"},
        {"山田 太郎", "山田太郎"},
        {"山田　太郎  ", "山田太郎"},
        {"  備考\t", "備考"},
        {"ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダタロウ"},
        {"ｶﾞｷﾞｸﾞｹﾞｺﾞ", "ガギグゲゴ"},
        {"ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ ﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞ", "パピプペポバビブベボ"},
        {"ﾂﾞﾃﾞﾄﾞﾁﾞ", "ヅデドヂ"},
        {"ｳﾞ", "ヴ"},
        {"ｯﾞ", "ッ゛"},  // no voiced small tsu: the mark stays separate
        {"ｰ", "ー"},
        {"（後発品変更不可）", "(後発品変更不可)"},
        {"", ""},
        {"mg", "mg"},              // case is significant
        {"\xff\xfe", "\xff\xfe"},  // invalid UTF-8 survives
    };
    for (const auto& c : cases) EXPECT_EQ(comparableText(c.input), c.expected) << c.input;
    EXPECT_NE(comparableText("MG"), comparableText("mg"));
}

TEST(ComparableText, AmountsCompareNumerically) {
    const struct {
        const char* input;
        const char* expected;
    } cases[] = {
        {"1", "1"},        {"1.0", "1"},       {"01.50", "1.5"}, {"１", "1"},
        {"０．５", "0.5"}, {".5", "0.5"},      {"0", "0"},       {"000", "0"},
        {"2/3", "2/3"},    {"1.5錠", "1.5錠"}, {" 3 ", "3"},     {".", "."},
    };
    for (const auto& c : cases) EXPECT_EQ(comparableAmount(c.input), c.expected) << c.input;
}

}  // namespace
}  // namespace rxdesk::workflow
