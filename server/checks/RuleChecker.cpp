#include "checks/RuleChecker.h"

#include <array>

#include "checks/Rules.h"

namespace rxdesk::checks {
namespace {

constexpr std::array kRules{
    Rule{"validity", &checkValidity},
    Rule{"online_mark", &checkOnlineMark},
    Rule{"obsolete_0410_mark", &checkObsolete0410Mark},
    Rule{"consultation_facts_known", &checkConsultationFactsKnown},
    Rule{"initial_visit_controlled_drugs", &checkInitialVisitControlledDrugs},
    Rule{"unknown_conditions", &checkUnknownConditions},
    Rule{"emergency_contraception", &checkEmergencyContraception},
    Rule{"narcotic_record", &checkNarcoticRecord},
    Rule{"misuse_suspects", &checkMisuseSuspects},
};

}  // namespace

std::span<const Rule> allRules() {
    return kRules;
}

std::vector<prescription::Finding> runChecks(const prescription::Prescription& rx,
                                             const CheckContext& context) {
    std::vector<prescription::Finding> findings;
    for (const Rule& rule : kRules) {
        auto found = rule.check(rx, context);
        findings.insert(findings.end(), found.begin(), found.end());
    }
    return findings;
}

}  // namespace rxdesk::checks
