// One case per example line of the JAHIS standard (shared/data/jahis_record_examples.txt):
// every record type is read into the right field without a warning.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "jahis/JahisParser.h"
#include "jahis/RecordHandlers.h"

namespace rxdesk::jahis {
namespace {

using namespace prescription;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

// Records below 100 need nothing before them; Rp records need their 101, drug records their 201.
enum class Needs { Nothing, Rp, RpAndDrug };

struct RecordCase {
    const char* line;
    Needs needs;
    void (*expect)(const Prescription&);
};

const DrugItem& drug(const Prescription& p) {
    return p.rps.at(0).items.at(0);
}

const RecordCase kCases[] = {
    {"1,,1234567,13,医療法人 工業会病院", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.institution.code_type, std::nullopt);
         EXPECT_EQ(p.institution.code, "1234567");
         EXPECT_EQ(p.institution.prefecture, "13");
         EXPECT_EQ(p.institution.name, "医療法人 工業会病院");
     }},
    {"1,1,1234567,13,医療法人 工業会病院", Needs::Nothing,
     [](const Prescription& p) { EXPECT_EQ(p.institution.code_type, 1); }},
    {"2,105-0004,東京都港区新橋 11 丁目 1 番 ○×ビル", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.institution.postcode, "105-0004");
         EXPECT_EQ(p.institution.address, "東京都港区新橋 11 丁目 1 番 ○×ビル");
     }},
    {"3,03-0000-0000,,", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.institution.phone, "03-0000-0000");
         EXPECT_EQ(p.institution.fax, "");
     }},
    {"3,0000-0000,000-1111,abc@defghi.jp", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.institution.fax, "000-1111");
         EXPECT_EQ(p.institution.other_contact, "abc@defghi.jp");
     }},
    {"4,1,,内科", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.institution.department_code_type, 1);
         EXPECT_EQ(p.institution.department, "内科");
     }},
    {"4,2,1,第一内科", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.institution.department_code, "1");
         EXPECT_EQ(p.institution.department, "第一内科");
     }},
    {"5,,ｺｳｷﾞｮｳｶｲ ｼﾞﾛｳ,工業会 次郎", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.prescriber.kana, "ｺｳｷﾞｮｳｶｲ ｼﾞﾛｳ");
         EXPECT_EQ(p.prescriber.kanji, "工業会 次郎");
     }},
    {"11,,日薬 太郎,ﾆﾁﾔｸ ﾀﾛｳ", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.patient.kanji, "日薬 太郎");
         EXPECT_EQ(p.patient.kana, "ﾆﾁﾔｸ ﾀﾛｳ");
     }},
    {"12,1", Needs::Nothing, [](const Prescription& p) { EXPECT_EQ(p.patient.sex, Sex::Male); }},
    {"13,19600606", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.patient.birth_date, (Date{year{1960}, month{6}, day{6}}));
     }},
    {"13,3350606", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.patient.birth_date, (Date{year{1960}, month{6}, day{6}}));
     }},
    {"14,3", Needs::Nothing, [](const Prescription& p) { EXPECT_EQ(p.patient.copay_class, 3); }},
    {"21,1", Needs::Nothing, [](const Prescription& p) { EXPECT_EQ(p.insurance.type, 1); }},
    {"22,06012345", Needs::Nothing,
     [](const Prescription& p) { EXPECT_EQ(p.insurance.insurer_number, "06012345"); }},
    {"23,０１－２３,１２３４,2,05", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.insurance.card_symbol, "０１－２３");
         EXPECT_EQ(p.insurance.card_number, "１２３４");
         EXPECT_EQ(p.insurance.insured_kind, 2);
         EXPECT_EQ(p.insurance.branch, "05");
     }},
    {"24,30,70", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.insurance.copay_rate, 30);
         EXPECT_EQ(p.insurance.benefit_rate, 70);
     }},
    {"25,1", Needs::Nothing, [](const Prescription& p) { EXPECT_EQ(p.insurance.work_related, 1); }},
    {"27,51123456,1234567", Needs::Nothing,
     [](const Prescription& p) {
         ASSERT_EQ(p.insurance.public_funding.size(), 1u);
         EXPECT_EQ(p.insurance.public_funding[0],
                   (PublicFunding{FundingSlot::First, "51123456", "1234567"}));
     }},
    {"28,51123456,1234567", Needs::Nothing,
     [](const Prescription& p) {
         ASSERT_EQ(p.insurance.public_funding.size(), 1u);
         EXPECT_EQ(p.insurance.public_funding[0].slot, FundingSlot::Second);
     }},
    {"29,51123456,1234567", Needs::Nothing,
     [](const Prescription& p) {
         ASSERT_EQ(p.insurance.public_funding.size(), 1u);
         EXPECT_EQ(p.insurance.public_funding[0].slot, FundingSlot::Third);
     }},
    {"30,特－１２,１２３４５６７", Needs::Nothing,
     [](const Prescription& p) {
         ASSERT_EQ(p.insurance.public_funding.size(), 1u);
         EXPECT_EQ(p.insurance.public_funding[0],
                   (PublicFunding{FundingSlot::Special, "特－１２", "１２３４５６７"}));
     }},
    {"31,1112", Needs::Nothing,
     [](const Prescription& p) { EXPECT_EQ(p.insurance.receipt_type, "1112"); }},
    {"51,20040119", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.issue_date, (Date{year{2004}, month{1}, day{19}}));
     }},
    {"51,4160119", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.issue_date, (Date{year{2004}, month{1}, day{19}}));
     }},
    {"52,20040126", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.use_by_date, (Date{year{2004}, month{1}, day{26}}));
     }},
    {"61,,東京都港区新橋1丁目△番○×ビル5階,03-0000-0000", Needs::Nothing,
     [](const Prescription& p) {
         ASSERT_TRUE(p.narcotic.has_value());
         EXPECT_EQ(p.narcotic->licence_no, "");
         EXPECT_EQ(p.narcotic->patient_address, "東京都港区新橋1丁目△番○×ビル5階");
         EXPECT_EQ(p.narcotic->patient_phone, "03-0000-0000");
     }},
    {"62,2", Needs::Nothing, [](const Prescription& p) { EXPECT_EQ(p.leftover_instruction, 2); }},
    {"63,3,2", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.split_dispensing, (SplitDispensing{3, 2}));
     }},
    {"64,3", Needs::Nothing, [](const Prescription& p) { EXPECT_EQ(p.refill_count, 3); }},
    {"81,1,,訪問", Needs::Nothing,
     [](const Prescription& p) {
         ASSERT_EQ(p.remarks.size(), 1u);
         EXPECT_EQ(p.remarks[0], (Remark{1, std::nullopt, "訪問"}));
     }},
    {"81,2,1,一包化", Needs::Nothing,
     [](const Prescription& p) {
         ASSERT_EQ(p.remarks.size(), 1u);
         EXPECT_EQ(p.remarks[0], (Remark{2, 1, "一包化"}));
     }},
    {"81,3,3,分割日数14日、分割回数3回", Needs::Nothing,
     [](const Prescription& p) {
         ASSERT_EQ(p.remarks.size(), 1u);
         EXPECT_EQ(p.remarks[0].text, "分割日数14日、分割回数3回");
     }},
    {"82,1,1234567890123456", Needs::Nothing,
     [](const Prescription& p) {
         EXPECT_EQ(p.prescription_number_kind, 1);
         EXPECT_EQ(p.prescription_number, "1234567890123456");
     }},
    {"101,1,1,,14", Needs::Nothing,
     [](const Prescription& p) {
         ASSERT_EQ(p.rps.size(), 1u);
         EXPECT_EQ(p.rps[0].rp_no, 1);
         EXPECT_EQ(p.rps[0].form, DosageForm::Oral);
         EXPECT_EQ(p.rps[0].quantity, 14);
     }},
    {"101,1,9,訪問,1", Needs::Nothing,
     [](const Prescription& p) {
         ASSERT_EQ(p.rps.size(), 1u);
         EXPECT_EQ(p.rps[0].form, DosageForm::Unknown);
         EXPECT_EQ(p.rps[0].form_name, "訪問");
     }},
    {"102,1,30,90", Needs::Rp,
     [](const Prescription& p) {
         EXPECT_EQ(p.rps.at(0).split, (SplitQuantity{30, 90}));
     }},
    {"111,1,1,,毎食後服用,3", Needs::Rp,
     [](const Prescription& p) {
         EXPECT_EQ(p.rps.at(0).usage, (Usage{1, "", "毎食後服用", 3}));
     }},
    {"111,1,2,1013044400000000,１日３回朝昼夕食後,3", Needs::Rp,
     [](const Prescription& p) {
         EXPECT_EQ(p.rps.at(0).usage, (Usage{2, "1013044400000000", "１日３回朝昼夕食後", 3}));
     }},
    {"181,1,1,8,１日おき,I1100000,", Needs::Rp,
     [](const Prescription& p) {
         ASSERT_EQ(p.rps.at(0).usage_supplements.size(), 1u);
         EXPECT_EQ(p.rps[0].usage_supplements[0],
                   (UsageSupplement{1, 8, "１日おき", "I1100000", ""}));
     }},
    {"181,1,1,9,左耳,,42L", Needs::Rp,
     [](const Prescription& p) {
         ASSERT_EQ(p.rps.at(0).usage_supplements.size(), 1u);
         EXPECT_EQ(p.rps[0].usage_supplements[0], (UsageSupplement{1, 9, "左耳", "", "42L"}));
     }},
    {"201,1,1,1,2,612170709,ノルバスク錠２．５ｍｇ,4,1,錠", Needs::Rp,
     [](const Prescription& p) {
         const DrugItem& d = drug(p);
         EXPECT_EQ(d.seq, 1);
         EXPECT_EQ(d.info_class, 1);
         EXPECT_EQ(d.code_system, DrugCodeSystem::Claims);
         EXPECT_EQ(d.code, "612170709");
         EXPECT_EQ(d.name, "ノルバスク錠２．５ｍｇ");
         EXPECT_EQ(d.amount, "4");
         EXPECT_EQ(d.potency_flag, 1);
         EXPECT_EQ(d.unit, "錠");
     }},
    {"201,1,1,1,4,2171022F1029,ノルバスク錠２．５ｍｇ,4,1,錠", Needs::Rp,
     [](const Prescription& p) {
         EXPECT_EQ(drug(p).code_system, DrugCodeSystem::Yj);
         EXPECT_EQ(drug(p).code, "2171022F1029");
     }},
    {"201,1,1,1,6,103297001,ノルバスク錠２．５ｍｇ,4,1,錠", Needs::Rp,
     [](const Prescription& p) { EXPECT_EQ(drug(p).code_system, DrugCodeSystem::Hot); }},
    {"201,1,1,1,7,2171014M2ZZZ,【般】ニフェジピンカプセル１０ｍｇ,1,1,カプセル", Needs::Rp,
     [](const Prescription& p) {
         EXPECT_EQ(drug(p).code_system, DrugCodeSystem::GenericName);
         EXPECT_EQ(drug(p).unit, "カプセル");
     }},
    {"201,1,1,1,1,,ノルバスク錠,10,2,ｍｇ", Needs::Rp,
     [](const Prescription& p) {
         EXPECT_EQ(drug(p).code_system, DrugCodeSystem::None);
         EXPECT_EQ(drug(p).code, "");
         EXPECT_EQ(drug(p).potency_flag, 2);
         EXPECT_EQ(drug(p).unit, "ｍｇ");
     }},
    {"201,1,1,2,1,,ペンニードル３０Ｇ６ｍｍ,14,1,本", Needs::Rp,
     [](const Prescription& p) {
         EXPECT_EQ(drug(p).info_class, 2);
         EXPECT_EQ(drug(p).amount, "14");
     }},
    {"201,1,1,3,1,,バイアグラ,1,1,錠", Needs::Rp,
     [](const Prescription& p) { EXPECT_EQ(drug(p).info_class, 3); }},
    {"211,1,1,250", Needs::RpAndDrug,
     [](const Prescription& p) { EXPECT_EQ(drug(p).unit_conversion, "250"); }},
    {"221,1,1,1.5,0.5,,,,V11.5NNN,V20.5NNN,,,", Needs::RpAndDrug,
     [](const Prescription& p) {
         EXPECT_EQ(drug(p).uneven,
                   (UnevenDoses{{"1.5", "0.5", "", "", ""}, {"V11.5NNN", "V20.5NNN", "", "", ""}}));
     }},
    {"231,1,1,1,1,,", Needs::RpAndDrug,
     [](const Prescription& p) {
         EXPECT_EQ(drug(p).funding_burden, (std::array<std::string, 4>{"1", "1", "", ""}));
     }},
    {"241,1,1,1.5,4", Needs::RpAndDrug,
     [](const Prescription& p) {
         EXPECT_EQ(drug(p).single_dose, (SingleDose{"1.5", 4}));
     }},
    {"241,1,1,2/3,3", Needs::RpAndDrug,
     [](const Prescription& p) {
         EXPECT_EQ(drug(p).single_dose, (SingleDose{"2/3", 3}));
     }},
    {"281,1,1,1,1,一包化,", Needs::RpAndDrug,
     [](const Prescription& p) {
         ASSERT_EQ(drug(p).supplements.size(), 1u);
         EXPECT_EQ(drug(p).supplements[0], (DrugSupplement{1, 1, "一包化", ""}));
     }},
    {"281,1,1,1,3,後発品変更不可,", Needs::RpAndDrug,
     [](const Prescription& p) { EXPECT_TRUE(drug(p).noGenericSubstitution()); }},
    {"281,1,1,1,7,１日おき,I1100000", Needs::RpAndDrug,
     [](const Prescription& p) {
         ASSERT_EQ(drug(p).supplements.size(), 1u);
         EXPECT_EQ(drug(p).supplements[0].code, "I1100000");
         EXPECT_FALSE(drug(p).noGenericSubstitution());
     }},
    {"281,1,1,1,8,先発医薬品患者希望,", Needs::RpAndDrug,
     [](const Prescription& p) { EXPECT_EQ(drug(p).supplements.at(0).kind, 8); }},
};

std::string textFor(const RecordCase& c) {
    std::string text = "JAHIS10\r\n";
    if (c.needs != Needs::Nothing) text += "101,1,1,,14\r\n";
    if (c.needs == Needs::RpAndDrug)
        text += "201,1,1,1,2,612170709,ノルバスク錠２．５ｍｇ,4,1,錠\r\n";
    return text + c.line + "\r\n";
}

TEST(JahisParser, ReadsEveryExampleRecordOfTheStandard) {
    for (const RecordCase& c : kCases) {
        SCOPED_TRACE(c.line);
        ParseResult result = JahisParser::parse(textFor(c));
        ASSERT_TRUE(result.prescription.has_value());
        EXPECT_EQ(result.version, 10);
        for (const Finding& f : result.findings) {
            if (f.code == "jahis_rp_without_drugs") continue;  // a lone 101 line
            ADD_FAILURE() << f.code << " " << f.evidence;
        }
        c.expect(*result.prescription);
    }
}

TEST(JahisParser, HasAHandlerForEveryRecordTypeOfJahis5To10) {
    const std::set<int> expected{1,  2,   3,   4,   5,   11,  12,  13,  14,  21,  22, 23, 24,
                                 25, 27,  28,  29,  30,  31,  51,  52,  61,  62,  63, 64, 81,
                                 82, 101, 102, 111, 181, 201, 211, 221, 231, 241, 281};
    const std::vector<int> known = knownRecordNumbers();
    EXPECT_EQ(std::set<int>(known.begin(), known.end()), expected);

    std::set<int> covered;
    for (const RecordCase& c : kCases) covered.insert(std::stoi(c.line));
    EXPECT_EQ(covered, expected) << "every record type needs an example case";
}

TEST(JahisParser, ReadsACompletePrescriptionIntoRpGroupsInOrder) {
    std::string text =
        "JAHIS9\r\n"
        "51,20261120\r\n"
        "101,1,1,,14\r\n"
        "111,1,1,,毎食後服用,3\r\n"
        "201,1,1,1,2,612170709,ノルバスク錠２．５ｍｇ,1,1,錠\r\n"
        "201,1,2,1,2,620000001,薬Ｂ,3,1,錠\r\n"
        "101,2,2,,5\r\n"
        "201,2,1,1,2,620000002,薬Ｃ,1,1,錠\r\n";
    ParseResult result = JahisParser::parse(text);
    ASSERT_TRUE(result.prescription);
    EXPECT_TRUE(result.findings.empty());
    EXPECT_EQ(result.version, 9);
    const auto& rps = result.prescription->rps;
    ASSERT_EQ(rps.size(), 2u);
    ASSERT_EQ(rps[0].items.size(), 2u);
    EXPECT_EQ(rps[0].items[1].name, "薬Ｂ");
    EXPECT_EQ(rps[1].form, DosageForm::AsNeeded);
    EXPECT_EQ(rps[1].items.at(0).name, "薬Ｃ");
}

TEST(JahisParser, AcceptsLfAndCrLineEndingsAndALeadingBom) {
    for (const char* text : {"JAHIS10\n12,2\n", "JAHIS10\r12,2\r", "\xEF\xBB\xBFJAHIS10\r\n12,2"}) {
        ParseResult result = JahisParser::parse(text);
        ASSERT_TRUE(result.prescription);
        EXPECT_TRUE(result.findings.empty());
        EXPECT_EQ(result.prescription->patient.sex, Sex::Female);
    }
}

TEST(JahisParser, ReadsQuotedFieldsHoldingCommas) {
    ParseResult result = JahisParser::parse("JAHIS10\r\n81,1,,\"朝, 夕\"\r\n");
    ASSERT_TRUE(result.prescription);
    EXPECT_TRUE(result.findings.empty());
    EXPECT_EQ(result.prescription->remarks.at(0).text, "朝, 夕");
}

TEST(JahisParser, ReadsEveryVersionFromFiveToTen) {
    for (int version = 5; version <= 10; ++version) {
        ParseResult result = JahisParser::parse("JAHIS" + std::to_string(version) + "\r\n12,1\r\n");
        EXPECT_EQ(result.version, version);
        EXPECT_TRUE(result.findings.empty()) << version;
    }
}

}  // namespace
}  // namespace rxdesk::jahis
