#include <charconv>
#include <optional>

#include "checks/RuleHelpers.h"
#include "checks/Rules.h"

namespace rxdesk::checks {

using prescription::DosageForm;
using prescription::Finding;
using prescription::Severity;

namespace {

std::optional<double> parseNumber(std::string_view text) {
    double value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

// Tablets in the whole Rp: the amount is per day for 内服 (times days) and per dose for
// 頓服 (times the number of doses). nullopt when the amount is not a plain number.
std::optional<double> totalTablets(const prescription::RpGroup& rp,
                                   const prescription::DrugItem& item) {
    auto amount = parseNumber(item.amount);
    if (!amount) return std::nullopt;
    const bool multiplied = rp.quantityIsDays() || rp.form == DosageForm::AsNeeded;
    return multiplied ? *amount * rp.quantity : *amount;
}

}  // namespace

std::vector<Finding> checkEmergencyContraception(const prescription::Prescription& rx,
                                                 const CheckContext& context) {
    if (context.channel == Channel::Counter) return {};
    std::vector<Finding> findings;
    for (const auto& rp : rx.rps) {
        for (const auto& item : rp.items) {
            if (!context.classifier.classify(item).emergency_contraceptive) continue;
            findings.push_back(
                {"rx_emergency_contraceptive_in_person", Severity::Warning,
                 "オンライン診療で処方された緊急避妊薬です。研修を受けた薬剤師の面前で"
                 "服用してもらい、配送はしないでください。",
                 itemEvidence(rp, item)});
            auto total = totalTablets(rp, item);
            if (!total || *total != 1.0) {
                findings.push_back(
                    {"rx_emergency_contraceptive_quantity", Severity::Error,
                     "オンライン診療での緊急避妊薬の処方は1錠に限られます。疑義照会して"
                     "ください。",
                     itemEvidence(rp, item) + " " + item.amount + item.unit + " × " +
                         std::to_string(rp.quantity)});
            }
        }
    }
    return findings;
}

}  // namespace rxdesk::checks
