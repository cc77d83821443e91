#pragma once

#include <string>
#include <vector>

#include "checks/CheckContext.h"
#include "checks/TableDrugClassifier.h"
#include "prescription/Finding.h"
#include "prescription/Prescription.h"

namespace rxdesk::checks::fixtures {

using namespace prescription;

inline constexpr Date kToday{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{21}};

inline Date daysFromToday(int days) {
    return Date{std::chrono::sys_days{kToday} + std::chrono::days{days}};
}

/// Claims codes the fixture classifier knows: one per class.
inline constexpr const char* kPlain = "620000001";
inline constexpr const char* kNarcotic = "620000002";
inline constexpr const char* kPsychotropic = "620000003";
inline constexpr const char* kHighRisk = "620000004";
inline constexpr const char* kContraceptive = "620000005";
inline constexpr const char* kDiuretic = "620000006";
inline constexpr const char* kDiabetes = "620000007";
inline constexpr const char* kMoisturiser = "620000008";

inline const TableDrugClassifier& fixtureClassifier() {
    static const TableDrugClassifier table = [] {
        TableDrugClassifier t;
        auto add = [&t](const char* code, auto set) {
            DrugClasses classes;
            set(classes);
            t.add(DrugCodeSystem::Claims, code, classes);
        };
        add(kNarcotic, [](DrugClasses& c) { c.narcotic = true; });
        add(kPsychotropic, [](DrugClasses& c) { c.psychotropic = true; });
        add(kHighRisk, [](DrugClasses& c) { c.high_risk = true; });
        add(kContraceptive, [](DrugClasses& c) { c.emergency_contraceptive = true; });
        add(kDiuretic, [](DrugClasses& c) { c.misuse = MisuseKind::Diuretic; });
        add(kDiabetes, [](DrugClasses& c) {
            c.high_risk = true;
            c.misuse = MisuseKind::Diabetes;
        });
        add(kMoisturiser, [](DrugClasses& c) { c.misuse = MisuseKind::CosmeticMoisturiser; });
        return t;
    }();
    return table;
}

inline CheckContext context(Channel channel = Channel::Counter) {
    return CheckContext{channel, kToday, fixtureClassifier()};
}

/// A valid prescription issued today with one Rp holding `code`.
inline Prescription rxWith(const std::string& code, DosageForm form = DosageForm::Oral,
                           int quantity = 7, const std::string& amount = "1") {
    Prescription rx;
    rx.issue_date = kToday;
    rx.remarks.push_back({1, std::nullopt, "オンライン対応"});
    RpGroup rp;
    rp.rp_no = 1;
    rp.form = form;
    rp.quantity = quantity;
    DrugItem item;
    item.seq = 1;
    item.code_system = DrugCodeSystem::Claims;
    item.code = code;
    item.name = "薬" + code;
    item.amount = amount;
    item.unit = "錠";
    rp.items.push_back(item);
    rx.rps.push_back(rp);
    return rx;
}

inline std::vector<std::string> codesOf(const std::vector<Finding>& findings) {
    std::vector<std::string> codes;
    for (const Finding& f : findings) codes.push_back(f.code);
    return codes;
}

}  // namespace rxdesk::checks::fixtures
