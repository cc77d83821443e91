#include <gtest/gtest.h>

#include "core/TextEncoding.h"

using namespace rxdesk;

TEST(TextEncoding, Cp932RoundTripsJapaneseIncludingVendorCharacters) {
    // 髙 and ① exist only in the Microsoft variant of Shift_JIS (CP932).
    for (std::string text : {"JAHIS10", "処方箋 オンライン対応", "髙橋 ①", "ｺｳｷﾞｮｳｶｲ"}) {
        auto sjis = utf8ToCp932(text);
        ASSERT_TRUE(sjis) << text;
        EXPECT_EQ(cp932ToUtf8(*sjis), text);
    }
    EXPECT_EQ(*utf8ToCp932("薬"), "\x96\xf2");
}

TEST(TextEncoding, RejectsInvalidAndTruncatedInput) {
    EXPECT_FALSE(cp932ToUtf8("\x96"));          // lead byte without trail
    EXPECT_FALSE(cp932ToUtf8("\x81\x20"));      // invalid trail byte
    EXPECT_FALSE(utf8ToCp932("\xe8\x96"));      // truncated UTF-8
    EXPECT_FALSE(utf8ToCp932("😀"));            // not representable in CP932
}

TEST(TextEncoding, Utf8ValidatorRejectsOverlongsAndSurrogates) {
    EXPECT_TRUE(isValidUtf8("ascii and 日本語 and 😀"));
    EXPECT_FALSE(isValidUtf8("\xc0\xaf"));        // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xed\xa0\x80"));    // surrogate
    EXPECT_FALSE(isValidUtf8("\xf4\x90\x80\x80")); // above U+10FFFF
    EXPECT_FALSE(isValidUtf8("\x80"));
    EXPECT_FALSE(isValidUtf8("\xe3\x81"));
}
