#include "spool/SpoolSettings.h"

#include "core/Error.h"

namespace rxdesk::spool {
namespace {

void require(bool ok, const char* field, const char* message) {
    if (!ok) throw Error(ErrorKind::BadRequest, "invalid_spool_settings", message, field);
}

}  // namespace

void SpoolSettings::validate() const {
    require(!enabled || !dir.empty(), "rxdesk.spool.dir",
            "rxdesk.spool.dir must be set when the spool is enabled");
    require(scan_interval.count() > 0, "rxdesk.spool.scan_interval_seconds",
            "rxdesk.spool.scan_interval_seconds must be positive");
    require(settle_time.count() >= 0, "rxdesk.spool.settle_seconds",
            "rxdesk.spool.settle_seconds must not be negative");
    require(max_file_bytes > 0, "rxdesk.spool.max_file_bytes",
            "rxdesk.spool.max_file_bytes must be positive");
    require(max_attempts >= 1, "rxdesk.spool.max_attempts",
            "rxdesk.spool.max_attempts must be at least 1");
    require(max_files_per_scan >= 1, "rxdesk.spool.max_files_per_scan",
            "rxdesk.spool.max_files_per_scan must be at least 1");
}

}  // namespace rxdesk::spool
