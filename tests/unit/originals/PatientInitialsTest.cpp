#include <gtest/gtest.h>

#include "originals/PatientInitials.h"

using rxdesk::originals::patientInitials;

TEST(PatientInitials, TakesTheHepburnInitialOfEachKanaPart) {
    struct Case {
        const char* kana;
        const char* initials;
    } cases[] = {
        {"ヤマダ　タロウ", "Y.T."},
        {"ヤマダ タロウ", "Y.T."},
        {"ﾆﾁﾔｸ ﾀﾛｳ", "N.T."},       // half-width
        {"しみず はなこ", "S.H."},  // hiragana
        {"チバ ジロウ", "C.J."},    // chi, ji
        {"フジ ツヨシ", "F.T."},    // fu, tsu
        {"ガモウ ヴィクトル", "G.V."},
        {"オオノ", "O."},               // one part only
        {"  イトウ   エミ  ", "I.E."},  // extra spaces
        {"", ""},
        {"山田 太郎", ""},  // no kana: nothing rather than a guess
        {"Smith John", ""},
    };
    for (const auto& c : cases) EXPECT_EQ(patientInitials(c.kana), c.initials) << c.kana;
}
