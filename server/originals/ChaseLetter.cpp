#include "originals/ChaseLetter.h"

namespace rxdesk::originals {

namespace {

std::string japaneseDate(const std::string& iso) {
    auto d = parseDate(iso);
    if (!d) return iso.empty() ? "－" : iso;
    return std::to_string(int(d->year())) + "年" + std::to_string(unsigned(d->month())) + "月" +
           std::to_string(unsigned(d->day())) + "日";
}

}  // namespace

reports::Report chaseLetter(const ChaseLetterInput& in) {
    reports::Report r;
    r.title = "処方箋原本ご送付のお願い";
    r.subtitle = in.clinic_name + "　御中";
    r.paper = reports::PaperSize::A4;
    r.orientation = reports::Orientation::Portrait;
    r.generated_at = in.generated_at;
    r.columns = {{"No.", 0.6, reports::Align::Right, false},
                 {"患者イニシャル", 1.4, reports::Align::Left, false},
                 {"交付年月日", 1.6, reports::Align::Left, false},
                 {"処方箋番号", 1.8, reports::Align::Left, true},
                 {"当薬局受付番号", 1.4, reports::Align::Right, false},
                 {"調剤日", 1.6, reports::Align::Left, false},
                 {"備考", 1.0, reports::Align::Left, false}};

    reports::Section letter;
    letter.paragraphs = {
        "平素より大変お世話になっております。",
        "オンライン診療等によりファクシミリでお送りいただいた下記の処方箋について、"
        "調剤は済んでおりますが、処方箋原本が当薬局にまだ届いておりません。",
        "お手数をおかけいたしますが、ご確認のうえ原本をご送付くださいますよう"
        "お願い申し上げます。既にご発送いただいている場合は、行き違いにつきご容赦ください。"};
    if (!in.pharmacy_name.empty()) letter.fields.push_back({"送付先", in.pharmacy_name});
    if (!in.pharmacy_contact.empty()) letter.fields.push_back({"連絡先", in.pharmacy_contact});
    letter.fields.push_back({"件数", std::to_string(in.items.size()) + "件"});
    r.sections.push_back(std::move(letter));

    reports::Section list;
    list.heading = "原本未着の処方箋";
    int n = 0;
    for (const ChaseItem& item : in.items)
        list.rows.push_back(
            {std::to_string(++n), item.patient_initials.empty() ? "－" : item.patient_initials,
             japaneseDate(item.issue_date),
             item.prescription_number.empty() ? "（記載なし）" : item.prescription_number,
             std::to_string(item.receipt_no), japaneseDate(item.dispensed_on),
             item.overdue ? "期限超過" : ""});
    r.sections.push_back(std::move(list));

    r.footnotes = {"個人情報保護のため、患者様はイニシャルのみ記載しております。",
                   "ご不明な点は当薬局受付番号をお知らせください。"};
    return r;
}

}  // namespace rxdesk::originals
