#pragma once

#include <string>
#include <vector>

namespace rxdesk::spool {

/// What happened to one document during a scan.
enum class SpoolAction {
    Accepted,  ///< the sink accepted it; moved to done/
    Rejected,  ///< rejected by the sink or by the spool rules; moved to rejected/
    Deferred,  ///< the sink asked to retry later; left in place
    Failed,    ///< reading, the sink or the move failed; left in place, retried next scan
};

/// One document's fate. Holds file names and codes only, never contents or patient data,
/// so it may be logged as is.
struct SpoolEvent {
    std::string name;  ///< the name in the incoming directory
    SpoolAction action = SpoolAction::Failed;
    /// Rejected/Deferred/Failed: the machine code ("too_large", "database_busy", ...).
    std::string code;
    std::string prescription_id;        ///< Accepted: what the sink returned
    std::string filed_as;               ///< Accepted/Rejected: name inside done/ or rejected/
    std::string sha256;                 ///< empty when the file was not read
    int attempt = 0;                    ///< hand-overs so far, 0 when the sink was not called
    std::vector<std::string> warnings;  ///< e.g. sidecar problems ("sidecar_invalid_sender")
};

/// The result of one scan of the incoming directory.
struct ScanReport {
    std::vector<SpoolEvent> events;
    int waiting = 0;  ///< documents seen but not (yet) complete, or over max_files_per_scan
    /// Set by SpoolWatcher when the scan as a whole failed (e.g. "spool_unreadable");
    /// events is empty then.
    std::string error_code;
};

}  // namespace rxdesk::spool
