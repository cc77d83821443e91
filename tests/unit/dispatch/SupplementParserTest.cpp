#include <gtest/gtest.h>

#include "core/TextEncoding.h"
#include "dispatch/drugs/SupplementParser.h"

namespace rxdesk::dispatch {
namespace {

const char* kSupplement =
    "# 薬局補足マスター（テスト）\n"
    "コード,名称,保管,遮光,劇薬,放射性,至急,振盪禁止,緊急避妊薬,ハイリスク,HOT,メモ\n"
    "3969010A1020,インスリン注,冷所,1,1,,,1,,1,109876501 1098765,開封後は室温\n"
    "620000008,ヒ素製剤注,室温,○,,,,,,,,\n"
    "2549008F1020,レボノルゲストレル錠,,,,,,,1,,,\n"
    "6399999A1010,ワクチン,冷凍,,,,1,,,,,\n"
    "12345,誤り,,,,,,,,,,\n"           // line 7: bad code
    "620000009,誤り,常温?,,,,,,,,,\n"  // line 8: bad storage
    "620000010,誤り,,2,,,,,,,,\n"      // line 9: bad flag
    "620000011,列不足\n"               // line 10
    "620000008,重複,,,,,,,,,,\n";      // line 11

TEST(SupplementParser, ReadsHeaderRowFlagsStorageAndHotCodes) {
    SupplementImport result = parseSupplement(kSupplement);
    ASSERT_EQ(result.entries.size(), 4u);
    const SupplementEntry& insulin = result.entries[0];
    EXPECT_EQ(insulin.key_kind, DrugCodeKind::Yj);
    EXPECT_EQ(insulin.storage, StorageTemperature::Cold);
    EXPECT_TRUE(insulin.protect_from_light);
    EXPECT_TRUE(insulin.powerful);
    EXPECT_TRUE(insulin.do_not_shake);
    EXPECT_TRUE(insulin.high_risk);
    EXPECT_FALSE(insulin.urgent);
    EXPECT_EQ(insulin.hot_codes, (std::vector<std::string>{"109876501", "1098765"}));
    EXPECT_EQ(insulin.note, "開封後は室温");
    EXPECT_EQ(result.entries[1].key_kind, DrugCodeKind::Claims);
    EXPECT_TRUE(result.entries[1].protect_from_light);
    EXPECT_TRUE(result.entries[2].emergency_contraceptive);
    EXPECT_EQ(result.entries[3].storage, StorageTemperature::Frozen);
    EXPECT_TRUE(result.entries[3].urgent);

    struct Expected {
        std::size_t line;
        const char* code;
    };
    const Expected expected[] = {{7, "bad_code"},
                                 {8, "bad_storage"},
                                 {9, "bad_flag"},
                                 {10, "column_count"},
                                 {11, "duplicate_code"}};
    ASSERT_EQ(result.bad_lines.size(), std::size(expected));
    for (std::size_t i = 0; i < std::size(expected); ++i) {
        EXPECT_EQ(result.bad_lines[i].line, expected[i].line) << i;
        EXPECT_EQ(result.bad_lines[i].code, expected[i].code) << i;
    }
}

TEST(SupplementParser, AcceptsShiftJisAndEnglishHeaders) {
    auto sjis = utf8ToCp932("コード,保管,劇薬\r\n3969010A1020,冷所,1\r\n");
    ASSERT_TRUE(sjis);
    SupplementImport result = parseSupplement(*sjis);
    ASSERT_EQ(result.entries.size(), 1u);
    EXPECT_EQ(result.entries[0].storage, StorageTemperature::Cold);

    result = parseSupplement(
        "\xEF\xBB\xBF"
        "code,storage,powerful\n620000001,frozen,yes\n");
    ASSERT_EQ(result.entries.size(), 1u);
    EXPECT_EQ(result.entries[0].storage, StorageTemperature::Frozen);
    EXPECT_TRUE(result.entries[0].powerful);
}

TEST(SupplementParser, UnknownHeaderColumnRejectsWholeFile) {
    const struct {
        const char* text;
        const char* code;
    } cases[] = {
        {"コード,劇薬,冷蔵庫\n620000001,1,1\n", "unknown_column"},
        {"コード,劇薬,劇薬\n620000001,1,1\n", "duplicate_column"},
        {"名称,劇薬\n甲,1\n", "missing_code_column"},
    };
    for (const auto& c : cases) {
        SupplementImport result = parseSupplement(c.text);
        EXPECT_TRUE(result.entries.empty()) << c.text;
        ASSERT_EQ(result.bad_lines.size(), 1u) << c.text;
        EXPECT_EQ(result.bad_lines[0].line, 1u);
        EXPECT_EQ(result.bad_lines[0].code, c.code);
    }
}

}  // namespace
}  // namespace rxdesk::dispatch
