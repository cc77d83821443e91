#pragma once

#include <string>

namespace rxdesk::spool {

/// The sink's verdict on one SpoolFile.
struct SpoolOutcome {
    enum class Kind {
        Accepted,    ///< a prescription exists for the file: move it to done/
        Rejected,    ///< the file can never be taken: move it to rejected/ with a reason
        RetryLater,  ///< a transient failure (database busy): leave it, try on the next scan
    };

    Kind kind = Kind::RetryLater;
    std::string prescription_id;  ///< Accepted: the id of the (new or earlier) prescription
    /// Rejected / RetryLater: stable machine code, e.g. "unsupported_media_type".
    std::string code;
    /// Rejected: a Japanese sentence for the staff, written to the .reason file. It MUST NOT
    /// contain patient data (names, birth dates, insurance numbers).
    std::string reason;

    /// Throws Error(Internal, "invalid_spool_outcome") when `prescription_id` is empty.
    static SpoolOutcome accepted(std::string prescription_id);
    /// Throws Error(Internal, "invalid_spool_outcome") when `code` is empty.
    static SpoolOutcome rejected(std::string code, std::string reason);
    /// Throws Error(Internal, "invalid_spool_outcome") when `code` is empty.
    static SpoolOutcome retryLater(std::string code);
};

}  // namespace rxdesk::spool
