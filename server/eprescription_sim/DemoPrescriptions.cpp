#include "eprescription_sim/DemoPrescriptions.h"

namespace rxdesk::eprescription_sim {
namespace {

using namespace prescription;

Date daysFrom(Date today, int days) {
    return Date{std::chrono::sys_days{today} + std::chrono::days{days}};
}

Prescription base(Date issued, std::string kanji, std::string kana, Sex sex, Date birth) {
    Prescription p;
    p.institution.code_type = 1;
    p.institution.code = "9999991";
    p.institution.prefecture = "13";
    p.institution.name = "デモ オンラインクリニック";
    p.institution.postcode = "100-0001";
    p.institution.address = "東京都千代田区千代田9-9-9";
    p.institution.phone = "03-0000-9999";
    p.institution.department_code_type = 1;
    p.institution.department = "内科";
    p.prescriber = {"", "ﾃﾞﾓ ｲｼ", "デモ 医師"};
    p.patient.kanji = std::move(kanji);
    p.patient.kana = std::move(kana);
    p.patient.sex = sex;
    p.patient.birth_date = birth;
    p.insurance.type = 1;
    p.insurance.insurer_number = "06139999";
    p.insurance.card_symbol = "デモ";
    p.insurance.card_number = "１２３";
    p.insurance.insured_kind = 1;
    p.insurance.copay_rate = 30;
    p.insurance.benefit_rate = 70;
    p.issue_date = issued;
    return p;
}

RpGroup rp(int no, DosageForm form, int quantity, std::string usage, std::optional<int> times,
           DrugItem item) {
    RpGroup g;
    g.rp_no = no;
    g.form = form;
    g.quantity = quantity;
    g.usage.code_type = 1;
    g.usage.text = std::move(usage);
    g.usage.times_per_day = times;
    item.seq = 1;
    item.info_class = 1;
    g.items.push_back(std::move(item));
    return g;
}

DrugItem drug(std::string code, std::string name, std::string amount, std::string unit) {
    DrugItem d;
    d.code_system = DrugCodeSystem::Claims;
    d.code = std::move(code);
    d.name = std::move(name);
    d.amount = std::move(amount);
    d.potency_flag = 1;
    d.unit = std::move(unit);
    return d;
}

}  // namespace

std::vector<SeedPrescription> demoPrescriptions(Date today) {
    using std::chrono::day;
    using std::chrono::month;
    using std::chrono::year;
    std::vector<SeedPrescription> out;

    Prescription hanako =
        base(today, "電子 花子", "ﾃﾞﾝｼ ﾊﾅｺ", Sex::Female, Date{year{1985}, month{4}, day{1}});
    hanako.rps.push_back(rp(1, DosageForm::Oral, 14, "1日3回毎食後", 3,
                            drug("620000001", "デモアムロジピン錠2.5mg", "1", "錠")));
    hanako.rps.push_back(rp(2, DosageForm::Oral, 14, "1日1回朝食後", 1,
                            drug("620000002", "デモファモチジン錠10mg", "1", "錠")));
    out.push_back({"SIM-DEMO-0001", "1000000000000001", std::move(hanako)});

    Prescription ichiro = base(daysFrom(today, -1), "電子 一郎", "ﾃﾞﾝｼ ｲﾁﾛｳ", Sex::Male,
                               Date{year{1950}, month{12}, day{24}});
    ichiro.use_by_date = daysFrom(today, 13);
    ichiro.rps.push_back(rp(1, DosageForm::External, 1, "1日2回 腰に貼付", 2,
                            drug("620000003", "デモロキソプロフェンテープ100mg", "14", "枚")));
    ichiro.rps.push_back(rp(2, DosageForm::AsNeeded, 5, "疼痛時", std::nullopt,
                            drug("620000004", "デモアセトアミノフェン錠200mg", "2", "錠")));
    out.push_back({"SIM-DEMO-0002", "1000000000000002", std::move(ichiro)});

    Prescription jiro = base(daysFrom(today, -5), "電子 次郎", "ﾃﾞﾝｼ ｼﾞﾛｳ", Sex::Male,
                             Date{year{1972}, month{7}, day{7}});
    jiro.rps.push_back(rp(1, DosageForm::Oral, 7, "1日1回夕食後", 1,
                          drug("620000005", "デモロスバスタチン錠2.5mg", "1", "錠")));
    out.push_back({"SIM-DEMO-0003", "1000000000000003", std::move(jiro)});
    return out;
}

}  // namespace rxdesk::eprescription_sim
