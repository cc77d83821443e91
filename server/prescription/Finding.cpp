#include "prescription/Finding.h"

namespace rxdesk::prescription {

std::string_view toString(Severity severity) {
    switch (severity) {
        case Severity::Info:
            return "info";
        case Severity::Warning:
            return "warning";
        case Severity::Error:
            return "error";
    }
    return "info";
}

}  // namespace rxdesk::prescription
