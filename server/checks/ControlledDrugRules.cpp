#include "checks/RuleHelpers.h"
#include "checks/Rules.h"

namespace rxdesk::checks {

using prescription::Finding;
using prescription::Prescription;
using prescription::Severity;

namespace {

std::string_view misuseMessage(MisuseKind kind) {
    switch (kind) {
        case MisuseKind::Hypnotic:
            return "睡眠薬・向精神薬です。乱用・転売のおそれがないか、重複受診や処方日数を確認して"
                   "ください。";
        case MisuseKind::Diuretic:
            return "利尿薬です。痩身目的の使用のおそれがないか、処方意図を確認してください。";
        case MisuseKind::Diabetes:
            return "糖尿病用薬です。痩身目的の使用のおそれがないか、処方意図を確認してください。";
        case MisuseKind::CosmeticMoisturiser:
            return "保湿剤です。美容目的の使用のおそれがないか、処方量と処方意図を確認してください"
                   "。";
    }
    return "";
}

}  // namespace

std::vector<Finding> checkNarcoticRecord(const Prescription& rx, const CheckContext& context) {
    std::string first_narcotic;
    for (const auto& rp : rx.rps) {
        for (const auto& item : rp.items) {
            if (first_narcotic.empty() && context.classifier.classify(item).narcotic)
                first_narcotic = itemEvidence(rp, item);
        }
    }
    if (first_narcotic.empty()) return {};
    std::vector<Finding> findings;
    if (!rx.narcotic || rx.narcotic->licence_no.empty()) {
        findings.push_back({"rx_narcotic_licence_missing", Severity::Error,
                            "麻薬の処方ですが、麻薬施用者免許番号の記載がありません。疑義照会して"
                            "ください。",
                            first_narcotic});
    }
    if (!rx.narcotic || rx.narcotic->patient_address.empty()) {
        findings.push_back({"rx_narcotic_address_missing", Severity::Error,
                            "麻薬の処方ですが、患者住所の記載がありません。疑義照会してください。",
                            first_narcotic});
    }
    return findings;
}

std::vector<Finding> checkMisuseSuspects(const Prescription& rx, const CheckContext& context) {
    std::vector<Finding> findings;
    for (const auto& rp : rx.rps) {
        for (const auto& item : rp.items) {
            const DrugClasses classes = context.classifier.classify(item);
            std::optional<MisuseKind> kind = classes.misuse;
            if (!kind && classes.psychotropic) kind = MisuseKind::Hypnotic;
            if (!kind) continue;
            findings.push_back({"rx_misuse_suspect", Severity::Warning,
                                std::string(misuseMessage(*kind)), itemEvidence(rp, item)});
        }
    }
    return findings;
}

}  // namespace rxdesk::checks
