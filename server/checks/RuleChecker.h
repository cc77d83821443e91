#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "checks/CheckContext.h"
#include "prescription/Finding.h"
#include "prescription/Prescription.h"

namespace rxdesk::checks {

using RuleFunction = std::vector<prescription::Finding> (*)(const prescription::Prescription&,
                                                            const CheckContext&);

/// One named rule.
struct Rule {
    std::string_view name;
    RuleFunction check;
};

/// Every rule, in the order their findings are reported.
std::span<const Rule> allRules();

/// Runs every rule and returns all findings. Never throws for any prescription; rules flag,
/// the pharmacist decides.
std::vector<prescription::Finding> runChecks(const prescription::Prescription& rx,
                                             const CheckContext& context);

}  // namespace rxdesk::checks
