#pragma once

#include <string>

#include "prescription/Prescription.h"

namespace rxdesk::jahis::samples {

/// A complete JAHIS10 text built from the standard's example lines, CRLF-terminated.
inline std::string sampleText() {
    return "JAHIS10\r\n"
           "1,1,1234567,13,医療法人 工業会病院\r\n"
           "2,105-0004,東京都港区新橋 11 丁目 1 番 ○×ビル\r\n"
           "3,03-0000-0000,,\r\n"
           "4,1,,内科\r\n"
           "5,,ｺｳｷﾞｮｳｶｲ ｼﾞﾛｳ,工業会 次郎\r\n"
           "11,,日薬 太郎,ﾆﾁﾔｸ ﾀﾛｳ\r\n"
           "12,1\r\n"
           "13,3350606\r\n"
           "21,1\r\n"
           "22,06012345\r\n"
           "23,０１－２３,１２３４,2,05\r\n"
           "24,30,70\r\n"
           "51,4160119\r\n"
           "81,1,,オンライン対応\r\n"
           "101,1,1,,14\r\n"
           "111,1,1,,毎食後服用,3\r\n"
           "201,1,1,1,2,612170709,ノルバスク錠２．５ｍｇ,4,1,錠\r\n"
           "281,1,1,1,3,後発品変更不可,\r\n"
           "101,2,2,,5\r\n"
           "111,2,1,,疼痛時,\r\n"
           "201,2,1,1,7,2171014M2ZZZ,【般】ニフェジピンカプセル１０ｍｇ,1,1,カプセル\r\n";
}

/// A prescription that fills every field the JAHIS writer knows about.
inline prescription::Prescription richPrescription() {
    using namespace prescription;
    using std::chrono::day;
    using std::chrono::month;
    using std::chrono::year;
    Prescription p;
    p.institution = {1,
                     "1234567",
                     "13",
                     "医療法人 工業会病院",
                     "105-0004",
                     "東京都港区新橋",
                     "03-0000-0000",
                     "03-0000-0001",
                     "abc@defghi.jp",
                     2,
                     "1",
                     "第一内科"};
    p.prescriber = {"D001", "ｺｳｷﾞｮｳｶｲ ｼﾞﾛｳ", "工業会 次郎"};
    p.patient = {"P1", "日薬 太郎", "ﾆﾁﾔｸ ﾀﾛｳ", Sex::Male, Date{year{1960}, month{6}, day{6}}, 3};
    p.insurance.type = 1;
    p.insurance.insurer_number = "06012345";
    p.insurance.card_symbol = "０１－２３";
    p.insurance.card_number = "１２３４";
    p.insurance.insured_kind = 2;
    p.insurance.branch = "05";
    p.insurance.copay_rate = 30;
    p.insurance.benefit_rate = 70;
    p.insurance.work_related = 1;
    p.insurance.public_funding = {{FundingSlot::First, "51123456", "1234567"},
                                  {FundingSlot::Special, "特－１２", "１２３４５６７"}};
    p.insurance.receipt_type = "1112";
    p.issue_date = Date{year{2026}, month{11}, day{20}};
    p.use_by_date = Date{year{2026}, month{11}, day{30}};
    p.narcotic = NarcoticInfo{"12345", "東京都港区新橋1丁目△番○×ビル5階", "03-0000-0000"};
    p.leftover_instruction = 2;
    p.split_dispensing = SplitDispensing{3, 2};
    p.refill_count = 3;
    p.remarks = {{1, std::nullopt, "オンライン対応"}, {2, 1, "一包化, 朝のみ \"粉砕\""}};
    p.prescription_number_kind = 1;
    p.prescription_number = "1234567890123456";

    RpGroup rp;
    rp.rp_no = 1;
    rp.form = DosageForm::Oral;
    rp.quantity = 14;
    rp.split = SplitQuantity{30, 90};
    rp.usage = {2, "1013044400000000", "１日３回朝昼夕食後", 3};
    rp.usage_supplements = {{1, 8, "１日おき", "I1100000", ""}, {2, 9, "左耳", "", "42L"}};
    DrugItem item;
    item.seq = 1;
    item.info_class = 1;
    item.code_system = DrugCodeSystem::Claims;
    item.code = "612170709";
    item.name = "ノルバスク錠２．５ｍｇ";
    item.amount = "4";
    item.potency_flag = 1;
    item.unit = "錠";
    item.unit_conversion = "250";
    item.uneven = UnevenDoses{{"1.5", "0.5", "", "", ""}, {"V11.5NNN", "V20.5NNN", "", "", ""}};
    item.funding_burden = std::array<std::string, 4>{"1", "1", "", ""};
    item.single_dose = SingleDose{"2/3", 3};
    item.supplements = {{1, 3, "後発品変更不可", ""}, {2, 7, "１日おき", "I1100000"}};
    rp.items.push_back(item);
    p.rps.push_back(rp);

    RpGroup external;
    external.rp_no = 2;
    external.form = DosageForm::External;
    external.form_name = "外用";
    external.quantity = 1;
    external.usage = {1, "", "1日2回 患部に塗布", std::nullopt};
    DrugItem cream;
    cream.seq = 1;
    cream.code_system = DrugCodeSystem::None;
    cream.name = "ヒルドイドソフト軟膏０．３％";
    cream.amount = "25";
    cream.potency_flag = 1;
    cream.unit = "ｇ";
    external.items.push_back(cream);
    p.rps.push_back(external);
    return p;
}

}  // namespace rxdesk::jahis::samples
