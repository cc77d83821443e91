#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/TextEncoding.h"
#include "dispatch/drugs/DrugMasterParser.h"

namespace rxdesk::dispatch {
namespace {

// A master line in the 支払基金 layout (42 columns), with the columns rxdesk reads filled in.
std::string masterLine(const std::string& claims, const std::string& name,
                       const std::string& control, const std::string& yj) {
    std::vector<std::string> cols(42, "0");
    cols[0] = "0";                 // 1 変更区分
    cols[1] = "Y";                 // 2 マスター種別
    cols[2] = claims;              // 3 医薬品コード
    cols[3] = "20";                // 4 漢字有効桁数
    cols[4] = "\"" + name + "\"";  // 5 漢字名称 (quoted, as published)
    cols[5] = "10";
    cols[6] = "\"ｶﾅﾒｲ\"";  // 7 カナ名称
    cols[7] = "033";
    cols[8] = "1";
    cols[9] = "\"錠\"";  // 10 単位
    cols[13] = control;  // 14 麻薬・毒薬・覚醒剤原料・向精神薬
    cols[29] = "20240401";
    cols[30] = "99999999";
    cols[31] = yj;  // 32 YJ
    std::string line;
    for (std::size_t i = 0; i < cols.size(); ++i) {
        if (i) line += ',';
        line += cols[i];
    }
    return line;
}

std::string toSjis(const std::string& utf8) {
    auto bytes = utf8ToCp932(utf8);
    EXPECT_TRUE(bytes) << "test data must be CP932-representable";
    return bytes.value_or("");
}

TEST(DrugMasterParser, ImportsShiftJisFileAndReportsBrokenLinesWithNumbers) {
    std::string file;
    file += toSjis(masterLine("620000001", "ロキソプロフェンＮａ錠６０ｍｇ「テスト」", "0",
                              "1149019F1560")) +
            "\r\n";
    file +=
        toSjis(masterLine("620000002", "モルヒネ塩酸塩錠１０ｍｇ", "1", "8114006F1023")) + "\r\n";
    file += toSjis(masterLine("62000003", "コード桁不足錠", "0", "1149019F1560")) + "\r\n";  // 3
    file +=
        toSjis(masterLine("620000004", "トリアゾラム錠０．２５ｍｇ", "5", "1124007F2011")) + "\r\n";
    file += toSjis("1,Y,620000005,20,\"列不足錠\"") + "\r\n";                             // 5
    file += toSjis(masterLine("620000006", "不明区分錠", "4", "1149019F1560")) + "\r\n";  // 6
    file += "\x82\xA0\xFF\xFF,broken\r\n";                                                // 7
    file += toSjis(masterLine("620000008", "ヒ素製剤注", "2", "4291404A1020")) + "\r\n";
    file += toSjis(masterLine("620000002", "重複錠", "0", "1149019F1560")) + "\r\n";  // 9
    file += toSjis(masterLine("620000010", "エフェドリン散", "3", "")) + "\r\n";
    file += toSjis(masterLine("620000011", "ＹＪ不正錠", "0", "12345")) + "\r\n";  // 11
    file += "\r\n";
    file += toSjis("0,Y,620000013,20,\"閉じない引用符") + "\r\n";  // 13

    DrugMasterImport result = parseDrugMaster(file);

    ASSERT_EQ(result.drugs.size(), 5u);
    EXPECT_EQ(result.drugs[0].claims_code, "620000001");
    EXPECT_EQ(result.drugs[0].name, "ロキソプロフェンＮａ錠６０ｍｇ「テスト」");
    EXPECT_EQ(result.drugs[0].kana_name, "ｶﾅﾒｲ");
    EXPECT_EQ(result.drugs[0].unit, "錠");
    EXPECT_EQ(result.drugs[0].yj_code, "1149019F1560");
    EXPECT_EQ(result.drugs[1].control, ControlClass::Narcotic);
    EXPECT_EQ(result.drugs[2].control, ControlClass::Psychotropic);
    EXPECT_EQ(result.drugs[3].control, ControlClass::Poison);
    EXPECT_EQ(result.drugs[4].control, ControlClass::StimulantRawMaterial);
    EXPECT_FALSE(result.drugs[4].yj_code);

    struct Expected {
        std::size_t line;
        const char* code;
    };
    const Expected expected[] = {
        {3, "bad_claims_code"}, {5, "too_few_columns"},       {6, "bad_control_class"},
        {7, "bad_encoding"},    {9, "duplicate_claims_code"}, {11, "bad_yj_code"},
        {13, "bad_csv"},
    };
    ASSERT_EQ(result.bad_lines.size(), std::size(expected));
    for (std::size_t i = 0; i < std::size(expected); ++i) {
        EXPECT_EQ(result.bad_lines[i].line, expected[i].line) << i;
        EXPECT_EQ(result.bad_lines[i].code, expected[i].code) << i;
        EXPECT_FALSE(result.bad_lines[i].reason.empty());
    }
}

TEST(DrugMasterParser, AcceptsLfOnlyAndMissingFinalNewline) {
    std::string file = toSjis(masterLine("620000001", "甲錠", "0", "1149019F1560")) + "\n" +
                       toSjis(masterLine("620000002", "乙錠", "0", "1149019F1561"));
    DrugMasterImport result = parseDrugMaster(file);
    EXPECT_EQ(result.drugs.size(), 2u);
    EXPECT_TRUE(result.bad_lines.empty());
}

TEST(DrugMasterParser, EmptyNameIsRejected) {
    DrugMasterImport result = parseDrugMaster(toSjis(masterLine("620000001", "", "0", "")));
    ASSERT_EQ(result.bad_lines.size(), 1u);
    EXPECT_EQ(result.bad_lines[0].code, "missing_name");
}

}  // namespace
}  // namespace rxdesk::dispatch
