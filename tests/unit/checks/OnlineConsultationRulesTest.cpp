#include <gtest/gtest.h>

#include "CheckFixtures.h"
#include "checks/Rules.h"

namespace rxdesk::checks {
namespace {

using namespace fixtures;

struct VisitCase {
    const char* name;
    std::string code;
    std::optional<bool> initial_visit;
    std::vector<std::string> codes;
};

TEST(OnlineConsultationRules, FirstVisitMustNotPrescribeNarcoticsOrPsychotropics) {
    const VisitCase cases[] = {
        {"narcotic, first visit", kNarcotic, true, {"rx_initial_visit_controlled_drug"}},
        {"psychotropic, first visit", kPsychotropic, true, {"rx_initial_visit_controlled_drug"}},
        {"plain drug, first visit", kPlain, true, {}},
        {"high-risk only, first visit", kHighRisk, true, {}},
        {"psychotropic, follow-up", kPsychotropic, false, {}},
        {"psychotropic, visit unknown", kPsychotropic, std::nullopt, {}},
    };
    for (const VisitCase& c : cases) {
        SCOPED_TRACE(c.name);
        Prescription rx = rxWith(c.code);
        rx.online.initial_visit = c.initial_visit;
        auto findings = checkInitialVisitControlledDrugs(rx, context(Channel::Fax));
        EXPECT_EQ(codesOf(findings), c.codes);
        for (const Finding& f : findings) {
            EXPECT_EQ(f.severity, Severity::Error);
            EXPECT_EQ(f.evidence, "RP1 薬" + c.code);
        }
    }
}

struct ConditionsCase {
    const char* name;
    std::string code;
    prescription::DosageForm form;
    int quantity;
    std::optional<bool> initial_visit;
    std::optional<bool> conditions_known;
    std::vector<std::string> codes;
};

TEST(OnlineConsultationRules, UnknownConditionsForbidHighRiskDrugsAndLongSupply) {
    using prescription::DosageForm;
    const ConditionsCase cases[] = {
        {"high risk",
         kHighRisk,
         DosageForm::Oral,
         7,
         true,
         false,
         {"rx_unknown_conditions_high_risk"}},
        {"8 days", kPlain, DosageForm::Oral, 8, true, false, {"rx_unknown_conditions_long_supply"}},
        {"7 days", kPlain, DosageForm::Oral, 7, true, false, {}},
        {"14 days of drops",
         kPlain,
         DosageForm::OralDrops,
         14,
         true,
         false,
         {"rx_unknown_conditions_long_supply"}},
        {"10 as-needed doses are not days", kPlain, DosageForm::AsNeeded, 10, true, false, {}},
        {"30 g external is not days", kPlain, DosageForm::External, 30, true, false, {}},
        {"both",
         kHighRisk,
         DosageForm::Oral,
         28,
         true,
         false,
         {"rx_unknown_conditions_long_supply", "rx_unknown_conditions_high_risk"}},
        {"conditions known", kHighRisk, DosageForm::Oral, 28, true, true, {}},
        {"follow-up visit", kHighRisk, DosageForm::Oral, 28, false, false, {}},
        {"conditions not recorded",
         kHighRisk,
         DosageForm::Oral,
         7,
         true,
         std::nullopt,
         {"rx_underlying_conditions_unconfirmed"}},
        {"conditions not recorded, nothing restricted",
         kPlain,
         DosageForm::Oral,
         7,
         true,
         std::nullopt,
         {}},
    };
    for (const ConditionsCase& c : cases) {
        SCOPED_TRACE(c.name);
        Prescription rx = rxWith(c.code, c.form, c.quantity);
        rx.online.initial_visit = c.initial_visit;
        rx.online.underlying_conditions_known = c.conditions_known;
        EXPECT_EQ(codesOf(checkUnknownConditions(rx, context(Channel::ClinicApi))), c.codes);
    }
}

TEST(OnlineConsultationRules, LongSupplyEvidenceNamesTheRpAndDays) {
    Prescription rx = rxWith(kPlain, prescription::DosageForm::Oral, 14);
    rx.online = {true, false};
    auto findings = checkUnknownConditions(rx, context(Channel::Fax));
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].evidence, "RP1 14日分");
}

struct FactsCase {
    const char* name;
    Channel channel;
    std::string code;
    int days;
    std::optional<bool> initial_visit;
    bool flagged;
};

TEST(OnlineConsultationRules, AsksWhetherItWasAFirstVisitWhenItMatters) {
    const FactsCase cases[] = {
        {"fax, psychotropic, unknown", Channel::Fax, kPsychotropic, 7, std::nullopt, true},
        {"fax, 30 days, unknown", Channel::Fax, kPlain, 30, std::nullopt, true},
        {"api, high risk, unknown", Channel::ClinicApi, kHighRisk, 7, std::nullopt, true},
        {"fax, plain 7 days", Channel::Fax, kPlain, 7, std::nullopt, false},
        {"fax, recorded", Channel::Fax, kPsychotropic, 7, false, false},
        {"counter", Channel::Counter, kPsychotropic, 30, std::nullopt, false},
    };
    for (const FactsCase& c : cases) {
        SCOPED_TRACE(c.name);
        Prescription rx = rxWith(c.code, prescription::DosageForm::Oral, c.days);
        rx.online.initial_visit = c.initial_visit;
        auto findings = checkConsultationFactsKnown(rx, context(c.channel));
        EXPECT_EQ(codesOf(findings), c.flagged
                                         ? std::vector<std::string>{"rx_consultation_facts_unknown"}
                                         : std::vector<std::string>{});
    }
}

}  // namespace
}  // namespace rxdesk::checks
