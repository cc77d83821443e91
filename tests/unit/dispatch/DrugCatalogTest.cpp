#include <gtest/gtest.h>

#include "dispatch/drugs/DrugCatalog.h"

namespace rxdesk::dispatch {
namespace {

DrugCatalog sampleCatalog() {
    DrugCatalog catalog;
    catalog.setMaster({
        {"620000002", "インスリン注Ｂ", "", "キット", ControlClass::None, "2492415G1020"},
        {"620000001", "インスリン注Ａ", "", "キット", ControlClass::None, "2492415G1020"},
        {"620000003", "モルヒネ錠", "", "錠", ControlClass::Narcotic, "8114006F1023"},
        {"620000004", "補足なし錠", "", "錠", ControlClass::None, std::nullopt},
    });
    SupplementEntry by_yj;
    by_yj.key_kind = DrugCodeKind::Yj;
    by_yj.code = "2492415G1020";
    by_yj.storage = StorageTemperature::Cold;
    by_yj.high_risk = true;
    by_yj.hot_codes = {"123456701"};
    SupplementEntry by_claims;
    by_claims.key_kind = DrugCodeKind::Claims;
    by_claims.code = "620000002";
    by_claims.storage = StorageTemperature::Frozen;
    SupplementEntry only_supplement;
    only_supplement.key_kind = DrugCodeKind::Yj;
    only_supplement.code = "6399999A1010";
    only_supplement.radiopharmaceutical = true;
    catalog.setSupplement({by_yj, by_claims, only_supplement});
    return catalog;
}

TEST(DrugCatalog, MergesMasterWithYjSupplement) {
    auto info = sampleCatalog().resolve(DrugCodeKind::Claims, "620000001");
    ASSERT_TRUE(info);
    EXPECT_TRUE(info->in_master);
    EXPECT_TRUE(info->has_supplement);
    EXPECT_EQ(info->name, "インスリン注Ａ");
    EXPECT_EQ(info->storage, StorageTemperature::Cold);
    EXPECT_TRUE(info->high_risk);
}

TEST(DrugCatalog, ClaimsKeyedSupplementRowWinsOverYjRow) {
    auto info = sampleCatalog().resolve(DrugCodeKind::Claims, "620000002");
    ASSERT_TRUE(info);
    EXPECT_EQ(info->storage, StorageTemperature::Frozen);
    EXPECT_FALSE(info->high_risk);
}

TEST(DrugCatalog, YjResolvesToSmallestClaimsCode) {
    auto info = sampleCatalog().resolve(DrugCodeKind::Yj, "2492415G1020");
    ASSERT_TRUE(info);
    EXPECT_EQ(info->claims_code, "620000001");
}

TEST(DrugCatalog, DrugWithoutSupplementIsRoomTemperatureWithNoFlags) {
    auto info = sampleCatalog().resolve(DrugCodeKind::Claims, "620000004");
    ASSERT_TRUE(info);
    EXPECT_FALSE(info->has_supplement);
    EXPECT_EQ(info->storage, StorageTemperature::Room);
    auto narcotic = sampleCatalog().resolve(DrugCodeKind::Yj, "8114006F1023");
    ASSERT_TRUE(narcotic);
    EXPECT_EQ(narcotic->control, ControlClass::Narcotic);
}

TEST(DrugCatalog, SupplementOnlyDrugResolvesWithoutMasterData) {
    auto info = sampleCatalog().resolve(DrugCodeKind::Yj, "6399999A1010");
    ASSERT_TRUE(info);
    EXPECT_FALSE(info->in_master);
    EXPECT_TRUE(info->radiopharmaceutical);
}

TEST(DrugCatalog, ResolvesHotCodesExactlyOrByUnambiguousHot7) {
    DrugCatalog catalog = sampleCatalog();
    ASSERT_TRUE(catalog.addHotCode("1111111010101", DrugCodeKind::Claims, "620000003"));
    ASSERT_TRUE(catalog.addHotCode("222222201", DrugCodeKind::Claims, "620000003"));
    ASSERT_TRUE(catalog.addHotCode("222222202", DrugCodeKind::Claims, "620000004"));
    EXPECT_FALSE(catalog.addHotCode("12", DrugCodeKind::Claims, "620000003"));
    EXPECT_FALSE(catalog.addHotCode("333333301", DrugCodeKind::Claims, "bad"));

    const struct {
        const char* hot;
        const char* claims;  // nullptr: unresolved
    } cases[] = {
        {"123456701", "620000001"},      // from the supplement's HOT column, via YJ
        {"123456799", "620000001"},      // other packager, same HOT7
        {"1234567", "620000001"},        // HOT7 itself
        {"1111111010101", "620000003"},  // HOT13 cut to HOT9
        {"111111101", "620000003"},
        {"222222201", "620000003"},  // exact HOT9 despite a shared HOT7
        {"222222299", nullptr},      // HOT7 shared by two drugs: ambiguous
        {"999999901", nullptr},
        {"12345", nullptr},
    };
    for (const auto& c : cases) {
        auto info = catalog.resolve(DrugCodeKind::Hot, c.hot);
        if (c.claims == nullptr) {
            EXPECT_FALSE(info) << c.hot;
        } else {
            ASSERT_TRUE(info) << c.hot;
            EXPECT_EQ(info->claims_code, c.claims) << c.hot;
        }
    }
}

TEST(DrugCatalog, UnknownOrMalformedCodesResolveToNothing) {
    DrugCatalog catalog = sampleCatalog();
    EXPECT_FALSE(catalog.resolve(DrugCodeKind::Claims, "699999999"));
    EXPECT_FALSE(catalog.resolve(DrugCodeKind::Claims, "62000000"));
    EXPECT_FALSE(catalog.resolve(DrugCodeKind::Yj, "2492415G102"));
}

}  // namespace
}  // namespace rxdesk::dispatch
