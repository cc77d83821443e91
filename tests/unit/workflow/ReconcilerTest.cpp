#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "workflow/Reconciler.h"

namespace rxdesk::workflow {
namespace {

using namespace prescription;

DrugItem drug(int seq, const char* code, const char* name, const char* amount,
              const char* unit = "錠") {
    DrugItem item;
    item.seq = seq;
    item.code_system = DrugCodeSystem::Claims;
    item.code = code;
    item.name = name;
    item.amount = amount;
    item.unit = unit;
    return item;
}

RpGroup rp(int no, DosageForm form, int quantity, const char* usage, std::vector<DrugItem> items) {
    RpGroup g;
    g.rp_no = no;
    g.form = form;
    g.quantity = quantity;
    g.usage.text = usage;
    g.items = std::move(items);
    return g;
}

// A small synthetic prescription (fictitious patient and clinic).
Prescription sample() {
    Prescription p;
    p.institution.code = "1234567";
    p.institution.prefecture = "13";
    p.institution.name = "テスト内科クリニック";
    p.prescriber.kanji = "医師 一郎";
    p.prescriber.kana = "イシ イチロウ";
    p.patient.kanji = "試験 花子";
    p.patient.kana = "シケン ハナコ";
    p.patient.sex = Sex::Female;
    p.patient.birth_date = *parseDate("1980-04-01");
    p.insurance.insurer_number = "06139999";
    p.insurance.card_symbol = "記号1";
    p.insurance.card_number = "12345";
    p.issue_date = *parseDate("2026-11-16");
    p.remarks = {{1, std::nullopt, "オンライン対応"}};
    p.rps = {
        rp(1, DosageForm::Oral, 7, "1日3回毎食後",
           {drug(1, "620000001", "テストロキソ錠60mg", "3"),
            drug(2, "620000002", "テストムコ錠100mg", "3"),
            drug(3, "620000003", "テストビタ錠", "3")}),
        rp(2, DosageForm::AsNeeded, 5, "頭痛時", {drug(1, "620000004", "テストカロ錠200mg", "1")}),
        rp(3, DosageForm::External, 1, "1日2回患部に塗布",
           {drug(1, "620000005", "テスト軟膏", "10", "g")}),
    };
    return p;
}

std::vector<std::string> paths(const ReconciliationResult& r) {
    std::vector<std::string> out;
    for (const auto& d : r.differences) out.push_back(d.path);
    return out;
}

TEST(Reconciler, IdenticalPrescriptionsMatch) {
    auto result = Reconciler::compare(sample(), sample());
    EXPECT_TRUE(result.matched);
    EXPECT_TRUE(result.original_readable);
    EXPECT_TRUE(result.differences.empty());
}

TEST(Reconciler, InsignificantWidthAndSpacingDifferencesMatch) {
    Prescription original = sample();
    original.patient.kanji = "試験　花子 ";
    original.patient.kana = "ｼｹﾝ ﾊﾅｺ";
    original.institution.code = "１２３４５６７";
    original.rps[0].usage.text = "１日３回　毎食後";
    original.rps[0].items[0].amount = "3.0";
    original.rps[0].items[1].amount = "３錠";
    original.rps[0].items[1].unit = "";
    original.remarks = {{5, std::nullopt, "オンライン対応  "}};
    auto result = Reconciler::compare(sample(), original);
    EXPECT_TRUE(result.matched) << ::testing::PrintToString(paths(result));
}

TEST(Reconciler, ChangedDaysOfOneRpIsOneDifference) {
    Prescription original = sample();
    original.rps[0].quantity = 14;
    auto result = Reconciler::compare(sample(), original);
    EXPECT_FALSE(result.matched);
    ASSERT_EQ(result.differences.size(), 1u);
    const Difference& d = result.differences[0];
    EXPECT_EQ(d.path, "rps[1].days");
    EXPECT_EQ(d.label, "Rp1 日数");
    EXPECT_EQ(d.fax_value, "7");
    EXPECT_EQ(d.original_value, "14");
    EXPECT_EQ(d.kind, DifferenceKind::Changed);
}

TEST(Reconciler, AsNeededQuantityIsCalledTimes) {
    Prescription original = sample();
    original.rps[1].quantity = 10;
    auto result = Reconciler::compare(sample(), original);
    EXPECT_EQ(paths(result), (std::vector<std::string>{"rps[2].times"}));
    EXPECT_EQ(result.differences[0].label, "Rp2 回数");
}

TEST(Reconciler, SwappedDrugIsOneDifferenceNotACascade) {
    Prescription original = sample();
    original.rps[0].items[1] = drug(2, "620000099", "テスト別薬錠", "3");
    auto result = Reconciler::compare(sample(), original);
    ASSERT_EQ(paths(result), (std::vector<std::string>{"rps[1].items[2].code"}));
    const Difference& d = result.differences[0];
    EXPECT_EQ(d.label, "Rp1 薬品2");
    EXPECT_EQ(d.fax_value, "テストムコ錠100mg (620000002)");
    EXPECT_EQ(d.original_value, "テスト別薬錠 (620000099)");
}

TEST(Reconciler, SwappedDrugInADifferentPositionIsStillOneDifference) {
    // The original lists the drugs in another order and replaces the second one.
    Prescription original = sample();
    auto& items = original.rps[0].items;
    items = {drug(1, "620000001", "テストロキソ錠60mg", "3"),
             drug(2, "620000003", "テストビタ錠", "3"), drug(3, "620000099", "テスト別薬錠", "3")};
    auto result = Reconciler::compare(sample(), original);
    EXPECT_EQ(paths(result), (std::vector<std::string>{"rps[1].items[3].code"}));
}

TEST(Reconciler, ReorderedAndRenumberedRpsMatch) {
    Prescription original = sample();
    std::swap(original.rps[0], original.rps[2]);
    original.rps[0].rp_no = 1;
    original.rps[2].rp_no = 3;
    // Within the oral Rp (now Rp3) the drugs are listed in reverse order and renumbered.
    auto& items = original.rps[2].items;
    std::reverse(items.begin(), items.end());
    for (size_t i = 0; i < items.size(); ++i) items[i].seq = static_cast<int>(i) + 1;
    auto result = Reconciler::compare(sample(), original);
    EXPECT_TRUE(result.matched) << ::testing::PrintToString(paths(result));
}

TEST(Reconciler, MissingDrugAndExtraRpAreOneSided) {
    Prescription fax = sample();
    fax.rps[0].items.pop_back();
    Prescription original = sample();
    original.rps.push_back(
        rp(4, DosageForm::Oral, 7, "1日1回就寝前", {drug(1, "620000006", "テスト眠錠", "1")}));
    auto result = Reconciler::compare(fax, original);
    ASSERT_EQ(paths(result), (std::vector<std::string>{"rps[1].items[3]", "rps[4]"}));
    EXPECT_EQ(result.differences[0].kind, DifferenceKind::OnlyInOriginal);
    EXPECT_EQ(result.differences[0].fax_value, "");
    EXPECT_EQ(result.differences[0].original_value, "テストビタ錠 (620000003) 3錠");
    EXPECT_EQ(result.differences[1].kind, DifferenceKind::OnlyInOriginal);
    EXPECT_EQ(result.differences[1].original_value, "テスト眠錠 7日分");

    auto reverse = Reconciler::compare(original, fax);
    EXPECT_EQ(reverse.differences[0].kind, DifferenceKind::OnlyOnFax);
}

TEST(Reconciler, ReportsEveryComparedHeaderField) {
    Prescription original = sample();
    original.patient.kanji = "試験 花代";
    original.patient.kana = "シケン ハナヨ";
    original.patient.sex = Sex::Male;
    original.patient.birth_date = *parseDate("1980-04-02");
    original.insurance.insurer_number = "06138888";
    original.insurance.public_funding = {{FundingSlot::First, "54136015", "1234566"}};
    original.institution.name = "テスト外科クリニック";
    original.prescriber.kanji = "医師 二郎";
    original.issue_date = *parseDate("2026-11-15");
    original.use_by_date = *parseDate("2026-11-30");
    original.refill_count = 2;
    original.remarks = {{1, std::nullopt, "オンライン対応"}, {2, std::nullopt, "一包化"}};
    auto result = Reconciler::compare(sample(), original);
    EXPECT_EQ(paths(result), (std::vector<std::string>{
                                 "patient.name_kanji",
                                 "patient.name_kana",
                                 "patient.sex",
                                 "patient.birth_date",
                                 "insurance.insurer_number",
                                 "insurance.public_funding[1].payer",
                                 "insurance.public_funding[1].recipient",
                                 "institution.name",
                                 "prescriber.name_kanji",
                                 "issue_date",
                                 "use_by_date",
                                 "refill_count",
                                 "remarks",
                             }));
    EXPECT_EQ(result.differences[0].label, "患者氏名");
    EXPECT_EQ(result.differences[2].fax_value, "女");
    EXPECT_EQ(result.differences[2].original_value, "男");
    EXPECT_EQ(result.differences[9].fax_value, "2026-11-16");
    EXPECT_EQ(result.differences[9].original_value, "2026-11-15");
    EXPECT_EQ(result.differences[12].original_value, "オンライン対応 / 一包化");
}

TEST(Reconciler, ReportsUsageAmountAndSupplementChanges) {
    Prescription original = sample();
    original.rps[0].usage.text = "1日3回毎食前";
    original.rps[0].items[0].amount = "6";
    original.rps[2].items[0].unit = "mL";
    original.rps[0].items[2].supplements = {{1, std::nullopt, "後発品変更不可", ""}};
    auto result = Reconciler::compare(sample(), original);
    EXPECT_EQ(paths(result), (std::vector<std::string>{
                                 "rps[1].usage",
                                 "rps[1].items[1].amount",
                                 "rps[1].items[3].supplements",
                                 "rps[3].items[1].amount",
                             }));
    EXPECT_EQ(result.differences[1].fax_value, "3錠");
    EXPECT_EQ(result.differences[1].original_value, "6錠");
    EXPECT_EQ(result.differences[3].original_value, "10mL");
}

TEST(Reconciler, DrugsWithoutCodeAreIdentifiedByName) {
    Prescription fax = sample();
    Prescription original = sample();
    fax.rps[2].items[0].code.clear();
    original.rps[2].items[0].code.clear();
    original.rps[2].items[0].name = "テスト軟膏　";
    EXPECT_TRUE(Reconciler::compare(fax, original).matched);
    original.rps[2].items[0].name = "テストクリーム";
    EXPECT_EQ(paths(Reconciler::compare(fax, original)),
              (std::vector<std::string>{"rps[3].items[1].code"}));
}

TEST(Reconciler, BlankFieldInTheOriginalIsReportedAsOnlyOnFax) {
    // A partly unreadable original: the decoded QR lacks the prescriber's name.
    Prescription original = sample();
    original.prescriber.kanji.clear();
    auto result = Reconciler::compare(sample(), original);
    ASSERT_EQ(paths(result), (std::vector<std::string>{"prescriber.name_kanji"}));
    EXPECT_EQ(result.differences[0].kind, DifferenceKind::OnlyOnFax);
    EXPECT_EQ(result.differences[0].original_value, "");
}

TEST(Reconciler, UnreadableOriginalIsNotAMatch) {
    auto result = Reconciler::unreadableOriginal();
    EXPECT_FALSE(result.matched);
    EXPECT_FALSE(result.original_readable);
    EXPECT_TRUE(result.differences.empty());
}

}  // namespace
}  // namespace rxdesk::workflow
