#include "app/DemoData.h"

#include "core/TokyoTime.h"

namespace rxdesk::app {
namespace {

using namespace prescription;

struct DemoPatient {
    const char* kanji;
    const char* kana;
    Sex sex;
    int year, month, day;
};

const DemoPatient kPatients[] = {
    {"青木 陽菜", "ｱｵｷ ﾋﾅ", Sex::Female, 1988, 4, 12},   {"石井 大翔", "ｲｼｲ ﾋﾛﾄ", Sex::Male, 1975, 9, 3},
    {"上田 結衣", "ｳｴﾀﾞ ﾕｲ", Sex::Female, 1999, 1, 27},  {"遠藤 蓮", "ｴﾝﾄﾞｳ ﾚﾝ", Sex::Male, 1962, 11, 8},
    {"岡田 凛", "ｵｶﾀﾞ ﾘﾝ", Sex::Female, 2004, 6, 30},    {"加藤 悠真", "ｶﾄｳ ﾕｳﾏ", Sex::Male, 1955, 2, 14},
    {"木村 紬", "ｷﾑﾗ ﾂﾑｷﾞ", Sex::Female, 1991, 8, 19},   {"工藤 湊", "ｸﾄﾞｳ ﾐﾅﾄ", Sex::Male, 1983, 5, 5},
    {"小林 葵", "ｺﾊﾞﾔｼ ｱｵｲ", Sex::Female, 1970, 12, 24}, {"斎藤 樹", "ｻｲﾄｳ ｲﾂｷ", Sex::Male, 1948, 3, 21},
    {"清水 芽依", "ｼﾐｽﾞ ﾒｲ", Sex::Female, 1996, 10, 2},  {"杉山 颯", "ｽｷﾞﾔﾏ ﾊﾔﾃ", Sex::Male, 1979, 7, 16},
};

struct DemoClinic {
    const char* code7;
    const char* name;
    const char* fax;
};

const DemoClinic kClinics[] = {{"1234567", "さくら内科クリニック", "0312345678"},
                               {"7654321", "みなと皮膚科", "0398765432"}};

Prescription demoPrescription(const DemoPatient& p, const DemoClinic& c, Date issued, int n) {
    Prescription rx;
    rx.institution.code_type = 1;
    rx.institution.prefecture = "13";
    rx.institution.code = c.code7;
    rx.institution.name = c.name;
    rx.institution.phone = "03-0000-0000";
    rx.institution.department = "内科";
    rx.prescriber.kanji = "医師 一郎";
    rx.prescriber.kana = "ｲｼ ｲﾁﾛｳ";
    rx.patient.kanji = p.kanji;
    rx.patient.kana = p.kana;
    rx.patient.sex = p.sex;
    rx.patient.birth_date = Date{std::chrono::year{p.year}, std::chrono::month{unsigned(p.month)},
                                 std::chrono::day{unsigned(p.day)}};
    rx.insurance.type = 1;
    rx.insurance.insurer_number = "06139999";
    rx.issue_date = issued;
    rx.prescription_number = "DEMO-" + std::to_string(1000 + n);
    rx.remarks = {{1, std::nullopt, "オンライン対応"}};
    RpGroup rp;
    rp.rp_no = 1;
    rp.form = DosageForm::Oral;
    rp.quantity = 7;
    rp.usage.code_type = 1;
    rp.usage.text = "1日3回毎食後";
    rp.usage.times_per_day = 3;
    DrugItem item;
    item.seq = 1;
    item.info_class = 1;
    item.code_system = DrugCodeSystem::Claims;
    item.code = n % 2 ? "620000033" : "610422262";
    item.name = n % 2 ? "カロナール錠２００　２００ｍｇ" : "ムコダイン錠２５０ｍｇ";
    item.amount = "3";
    item.unit = "錠";
    rp.items.push_back(item);
    rx.rps.push_back(rp);
    rx.online.initial_visit = false;
    rx.online.underlying_conditions_known = true;
    return rx;
}

// The actions that take a fresh prescription to each demo state.
const std::vector<std::vector<const char*>> kPaths = {
    {},
    {"verify"},
    {"open_inquiry"},
    {"verify", "dispense"},
    {"verify", "dispense", "record_guidance"},
    {"verify", "dispense", "record_guidance", "hand_over"},
    {"verify", "dispense", "record_guidance", "ship"},
    {"verify", "dispense", "record_guidance", "ship", "confirm_delivery"},
    {"verify", "dispense", "record_guidance", "hand_over", "complete"},
    {"hold"},
    {"cancel"},
    {"mark_misdirected"},
};

}  // namespace

DemoReport loadDemoPrescriptions(Services& services, const auth::Principal& pharmacist) {
    DemoReport report;
    bool loaded = false;
    services.database().read([&] {
        loaded = services.clinics().findByInstitutionCode(std::string("131") + kClinics[0].code7).has_value();
    });
    if (loaded) return report;
    services.database().write([&] {
        for (const auto& c : kClinics) {
            intake::Clinic clinic;
            clinic.institution_code = std::string("131") + c.code7;
            clinic.name = c.name;
            clinic.fax_numbers = {c.fax};
            services.clinics().insert(clinic);
            ++report.clinics;
        }
    });
    const auth::Caller gateway{auth::Principal::system("demo"), "local"};
    const auth::Caller staff{pharmacist, "local"};
    const Date today = tokyoDate(services.clock().now());
    int n = 0;
    for (const auto& path : kPaths) {
        const auto& patient = kPatients[n % std::size(kPatients)];
        const auto& clinic = kClinics[n % std::size(kClinics)];
        intake::Arrival arrival;
        arrival.channel = n % 3 == 1 ? Channel::Counter : Channel::Fax;
        arrival.content = demoPrescription(patient, clinic, today, n);
        arrival.sender_fax = arrival.channel == Channel::Fax ? clinic.fax : "";
        auto record = services.intake().receive(arrival, gateway).record;
        for (const char* action : path)
            record = services.intake().act(record.id, action, record.version, "デモ", staff);
        ++report.prescriptions;
        ++n;
    }
    return report;
}

}  // namespace rxdesk::app
