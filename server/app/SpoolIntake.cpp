#include "app/SpoolIntake.h"

#include "core/Error.h"

namespace rxdesk::app {

spool::SpoolSink makeSpoolIntake(intake::IntakeService& intake) {
    return [&intake](const spool::SpoolFile& file) -> spool::SpoolOutcome {
        if (auto id = intake.findBySourceDocument(file.sha256))
            return spool::SpoolOutcome::accepted(std::to_string(*id));
        try {
            intake::DocumentArrival meta;
            meta.channel = prescription::Channel::Fax;
            meta.page_kind = "fax";
            meta.sender_fax = file.sender_fax.value_or("");
            meta.received_at = file.received_at;
            auto result = intake.receiveDocument(
                file.bytes, meta, auth::Caller{auth::Principal::system("spool"), "local"});
            return spool::SpoolOutcome::accepted(std::to_string(result.record.id));
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::Storage || e.kind() == ErrorKind::Internal)
                return spool::SpoolOutcome::retryLater(e.code());
            return spool::SpoolOutcome::rejected(e.code(), e.what());
        }
    };
}

}  // namespace rxdesk::app
