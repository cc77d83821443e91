#include "spool/SpoolOutcome.h"

#include "core/Error.h"

namespace rxdesk::spool {
namespace {

void require(bool ok, const char* what) {
    if (!ok) throw Error(ErrorKind::Internal, "invalid_spool_outcome", what);
}

}  // namespace

SpoolOutcome SpoolOutcome::accepted(std::string prescription_id) {
    require(!prescription_id.empty(), "accepted outcome without a prescription id");
    SpoolOutcome o;
    o.kind = Kind::Accepted;
    o.prescription_id = std::move(prescription_id);
    return o;
}

SpoolOutcome SpoolOutcome::rejected(std::string code, std::string reason) {
    require(!code.empty(), "rejected outcome without a code");
    SpoolOutcome o;
    o.kind = Kind::Rejected;
    o.code = std::move(code);
    o.reason = std::move(reason);
    return o;
}

SpoolOutcome SpoolOutcome::retryLater(std::string code) {
    require(!code.empty(), "retry-later outcome without a code");
    SpoolOutcome o;
    o.kind = Kind::RetryLater;
    o.code = std::move(code);
    return o;
}

}  // namespace rxdesk::spool
