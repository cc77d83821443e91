#include <gtest/gtest.h>

#include "CheckFixtures.h"
#include "checks/Rules.h"

namespace rxdesk::checks {
namespace {

using namespace fixtures;
using prescription::DosageForm;

struct ContraceptionCase {
    const char* name;
    std::string code;
    DosageForm form;
    int quantity;
    std::string amount;
    Channel channel;
    std::vector<std::string> codes;
};

TEST(EmergencyContraceptionRule, OneTabletOnlyTakenInFrontOfThePharmacist) {
    const ContraceptionCase cases[] = {
        {"one tablet as needed",
         kContraceptive,
         DosageForm::AsNeeded,
         1,
         "1",
         Channel::Fax,
         {"rx_emergency_contraceptive_in_person"}},
        {"one tablet for one day",
         kContraceptive,
         DosageForm::Oral,
         1,
         "1",
         Channel::ClinicApi,
         {"rx_emergency_contraceptive_in_person"}},
        {"two doses",
         kContraceptive,
         DosageForm::AsNeeded,
         2,
         "1",
         Channel::Fax,
         {"rx_emergency_contraceptive_in_person", "rx_emergency_contraceptive_quantity"}},
        {"two tablets at once",
         kContraceptive,
         DosageForm::AsNeeded,
         1,
         "2",
         Channel::Eprescription,
         {"rx_emergency_contraceptive_in_person", "rx_emergency_contraceptive_quantity"}},
        {"unreadable amount",
         kContraceptive,
         DosageForm::AsNeeded,
         1,
         "１",
         Channel::Fax,
         {"rx_emergency_contraceptive_in_person", "rx_emergency_contraceptive_quantity"}},
        {"face-to-face at the counter",
         kContraceptive,
         DosageForm::AsNeeded,
         2,
         "1",
         Channel::Counter,
         {}},
        {"not a contraceptive", kPlain, DosageForm::AsNeeded, 1, "1", Channel::Fax, {}},
    };
    for (const ContraceptionCase& c : cases) {
        SCOPED_TRACE(c.name);
        Prescription rx = rxWith(c.code, c.form, c.quantity, c.amount);
        EXPECT_EQ(codesOf(checkEmergencyContraception(rx, context(c.channel))), c.codes);
    }
}

TEST(EmergencyContraceptionRule, TooManyTabletsIsAnError) {
    Prescription rx = rxWith(kContraceptive, DosageForm::AsNeeded, 2, "1");
    auto findings = checkEmergencyContraception(rx, context(Channel::Fax));
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].severity, Severity::Warning);
    EXPECT_EQ(findings[1].severity, Severity::Error);
    EXPECT_EQ(findings[1].evidence, "RP1 薬620000005 1錠 × 2");
}

}  // namespace
}  // namespace rxdesk::checks
