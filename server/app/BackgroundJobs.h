#pragma once

#include <memory>

#include "app/Services.h"

namespace rxdesk::spool {
class SpoolWatcher;
class SpoolFileSystem;
}  // namespace rxdesk::spool

namespace rxdesk::app {

class RetentionTimer;

/// The server's background work, started after the listener and stopped before it: the fax
/// spool watcher (when rxdesk.spool.enabled); the retention job followed by the sweep of
/// unreferenced blobs (when rxdesk.retention.enabled, every retention.interval_hours).
class BackgroundJobs {
public:
    explicit BackgroundJobs(Services& services);
    ~BackgroundJobs();

    void start();
    /// Stops every job and waits for it; idempotent.
    void stop();

private:
    Services& services_;
    std::unique_ptr<spool::SpoolFileSystem> spool_fs_;
    std::unique_ptr<spool::SpoolWatcher> spool_;
    std::unique_ptr<RetentionTimer> retention_;  ///< when rxdesk.retention.enabled
};

}  // namespace rxdesk::app
