#include "checks/RuleHelpers.h"
#include "checks/Rules.h"

namespace rxdesk::checks {

using prescription::Finding;
using prescription::Prescription;
using prescription::Severity;

namespace {

bool holdsRestrictedContent(const Prescription& rx, const CheckContext& context) {
    for (const auto& rp : rx.rps) {
        if (isLongSupply(rp)) return true;
        for (const auto& item : rp.items) {
            const DrugClasses classes = context.classifier.classify(item);
            if (classes.controlled() || classes.high_risk) return true;
        }
    }
    return false;
}

}  // namespace

std::vector<Finding> checkConsultationFactsKnown(const Prescription& rx,
                                                 const CheckContext& context) {
    if (context.channel == Channel::Counter || rx.online.initial_visit.has_value()) return {};
    if (!holdsRestrictedContent(rx, context)) return {};
    return {
        {"rx_consultation_facts_unknown", Severity::Info,
         "オンライン診療の初診かどうかが未確認です。向精神薬・麻薬・ハイリスク薬または8日分以上の"
         "処方があるため、初診であれば制限の対象です。",
         ""}};
}

std::vector<Finding> checkInitialVisitControlledDrugs(const Prescription& rx,
                                                      const CheckContext& context) {
    if (rx.online.initial_visit != true) return {};
    std::vector<Finding> findings;
    for (const auto& rp : rx.rps) {
        for (const auto& item : rp.items) {
            if (!context.classifier.classify(item).controlled()) continue;
            findings.push_back(
                {"rx_initial_visit_controlled_drug", Severity::Error,
                 "オンライン診療の初診では麻薬・向精神薬は処方できません。疑義照会して"
                 "ください。",
                 itemEvidence(rp, item)});
        }
    }
    return findings;
}

std::vector<Finding> checkUnknownConditions(const Prescription& rx, const CheckContext& context) {
    if (rx.online.initial_visit != true) return {};
    if (rx.online.underlying_conditions_known == true) return {};
    if (!rx.online.underlying_conditions_known.has_value()) {
        if (!holdsRestrictedContent(rx, context)) return {};
        return {{"rx_underlying_conditions_unconfirmed", Severity::Warning,
                 "オンライン診療の初診で、基礎疾患の情報が把握されているか未確認です。ハイリスク薬"
                 "または"
                 "8日分以上の処方があるため確認してください。",
                 ""}};
    }
    std::vector<Finding> findings;
    for (const auto& rp : rx.rps) {
        if (isLongSupply(rp)) {
            findings.push_back(
                {"rx_unknown_conditions_long_supply", Severity::Error,
                 "基礎疾患の情報が把握できていない初診では8日分以上は処方できません。"
                 "疑義照会してください。",
                 "RP" + std::to_string(rp.rp_no) + " " + std::to_string(rp.quantity) + "日分"});
        }
        for (const auto& item : rp.items) {
            if (!context.classifier.classify(item).high_risk) continue;
            findings.push_back(
                {"rx_unknown_conditions_high_risk", Severity::Error,
                 "基礎疾患の情報が把握できていない初診ではハイリスク薬は処方できません。"
                 "疑義照会してください。",
                 itemEvidence(rp, item)});
        }
    }
    return findings;
}

}  // namespace rxdesk::checks
