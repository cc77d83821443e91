#pragma once

#include "intake/IntakeService.h"
#include "spool/SpoolScanner.h"

namespace rxdesk::app {

/// The spool watcher's sink: hands a complete fax file to the intake queue. Idempotent on
/// the file's SHA-256, so a file handed over again after a crash (accepted, not yet moved
/// to done/) does not become a second queue entry. Unreadable files are rejected with the
/// intake's code; storage trouble is retried later.
spool::SpoolSink makeSpoolIntake(intake::IntakeService& intake);

}  // namespace rxdesk::app
