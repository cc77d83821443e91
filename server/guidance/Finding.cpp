#include "guidance/Finding.h"

#include <algorithm>

namespace rxdesk::guidance {

bool hasErrors(const std::vector<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == Severity::Error; });
}

}  // namespace rxdesk::guidance
