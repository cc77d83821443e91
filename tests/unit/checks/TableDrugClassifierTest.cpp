#include <gtest/gtest.h>

#include "checks/BuiltinDrugKeywords.h"
#include "checks/TableDrugClassifier.h"

namespace rxdesk::checks {
namespace {

using prescription::DrugCodeSystem;
using prescription::DrugItem;

DrugItem item(DrugCodeSystem system, std::string code, std::string name = "") {
    DrugItem d;
    d.code_system = system;
    d.code = std::move(code);
    d.name = std::move(name);
    return d;
}

DrugClasses narcotic() {
    DrugClasses c;
    c.narcotic = true;
    return c;
}

TEST(TableDrugClassifier, MatchesCodeWithinItsCodeSystem) {
    TableDrugClassifier table;
    table.add(DrugCodeSystem::Claims, "620000002", narcotic());
    EXPECT_TRUE(table.classify(item(DrugCodeSystem::Claims, "620000002")).narcotic);
    EXPECT_FALSE(table.classify(item(DrugCodeSystem::Hot, "620000002")).narcotic);
    EXPECT_EQ(table.classify(item(DrugCodeSystem::Claims, "699999999")), DrugClasses{});
}

TEST(TableDrugClassifier, LaterEntryReplacesEarlierOne) {
    TableDrugClassifier table;
    table.add(DrugCodeSystem::Yj, "X", narcotic());
    table.add(DrugCodeSystem::Yj, "X", DrugClasses{});
    EXPECT_FALSE(table.classify(item(DrugCodeSystem::Yj, "X")).narcotic);
}

TEST(TableDrugClassifier, FallsBackToNameKeywordsAndMergesThem) {
    TableDrugClassifier table;
    DrugClasses psychotropic;
    psychotropic.psychotropic = true;
    psychotropic.misuse = MisuseKind::Hypnotic;
    table.addNameKeyword("ゾルピデム", psychotropic);
    DrugClasses high_risk;
    high_risk.high_risk = true;
    table.addNameKeyword("錠", high_risk);
    table.addNameKeyword("", narcotic());  // ignored: would match everything

    DrugClasses got =
        table.classify(item(DrugCodeSystem::GenericName, "", "【般】ゾルピデム酒石酸塩錠５ｍｇ"));
    EXPECT_TRUE(got.psychotropic);
    EXPECT_TRUE(got.high_risk);
    EXPECT_FALSE(got.narcotic);
    EXPECT_EQ(got.misuse, MisuseKind::Hypnotic);
}

TEST(TableDrugClassifier, ExactCodeWinsOverNameKeywords) {
    TableDrugClassifier table;
    table.addNameKeyword("モルヒネ", narcotic());
    table.add(DrugCodeSystem::Claims, "1", DrugClasses{});
    EXPECT_FALSE(table.classify(item(DrugCodeSystem::Claims, "1", "モルヒネ")).narcotic);
    EXPECT_TRUE(table.classify(item(DrugCodeSystem::Claims, "2", "モルヒネ")).narcotic);
}

TEST(BuiltinDrugKeywords, KnowsOneDrugOfEachClass) {
    const TableDrugClassifier table = builtinKeywordClassifier();
    auto classify = [&](const char* name) {
        return table.classify(item(DrugCodeSystem::None, "", name));
    };
    EXPECT_TRUE(classify("オキシコドン徐放錠５ｍｇ").narcotic);
    EXPECT_TRUE(classify("マイスリー錠５ｍｇ").psychotropic);
    EXPECT_TRUE(classify("ノルレボ錠１．５ｍｇ").emergency_contraceptive);
    EXPECT_EQ(classify("ラシックス錠２０ｍｇ").misuse, MisuseKind::Diuretic);
    EXPECT_EQ(classify("リベルサス錠３ｍｇ").misuse, MisuseKind::Diabetes);
    EXPECT_EQ(classify("ヒルドイドソフト軟膏０．３％").misuse, MisuseKind::CosmeticMoisturiser);
    EXPECT_EQ(classify("ノルバスク錠２．５ｍｇ"), DrugClasses{});
}

}  // namespace
}  // namespace rxdesk::checks
