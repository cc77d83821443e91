#include "originals/OriginalRecords.h"

namespace rxdesk::originals {

std::string_view name(ComparisonMethod method) {
    switch (method) {
        case ComparisonMethod::Qr:
            return "qr";
        case ComparisonMethod::Manual:
            return "manual";
        case ComparisonMethod::NoScan:
            return "no_scan";
    }
    return "qr";
}

std::optional<ComparisonMethod> parseComparisonMethod(std::string_view text) {
    for (auto m : {ComparisonMethod::Qr, ComparisonMethod::Manual, ComparisonMethod::NoScan})
        if (name(m) == text) return m;
    return std::nullopt;
}

}  // namespace rxdesk::originals
