#include "workflow/Refusal.h"

namespace rxdesk::workflow {

Error Refusal::toError() const {
    return Error(kind, code, reason);
}

}  // namespace rxdesk::workflow
