#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "core/Clock.h"
#include "spool/ScanReport.h"
#include "spool/SpoolScanner.h"

namespace rxdesk::spool {

/// Runs SpoolScanner::scanOnce on its own thread every settings.scan_interval until
/// stopped. A scan that throws (directory missing, unreadable) is reported and the next
/// scan is tried on schedule: the watcher never dies of a bad directory.
class SpoolWatcher {
public:
    /// Called on the watcher's thread after every scan that did something (an event, or
    /// an error), for logging and metrics. Must not throw; an exception is swallowed.
    using ReportHandler = std::function<void(const ScanReport&)>;

    /// `fs` and `clock` must outlive the watcher. Throws like SpoolSettings::validate.
    SpoolWatcher(SpoolSettings settings, SpoolFileSystem& fs, SpoolSink sink, const Clock& clock,
                 ReportHandler on_report = {});
    /// Stops and joins the thread if it runs.
    ~SpoolWatcher();
    SpoolWatcher(const SpoolWatcher&) = delete;
    SpoolWatcher& operator=(const SpoolWatcher&) = delete;

    /// Starts scanning (the first scan at once). Throws Error(Internal,
    /// "spool_watcher_running") when already started.
    void start();
    /// Asks the thread to stop, waits for a scan in progress to finish, joins. Returns at
    /// once when not running; the watcher may be started again afterwards.
    void stop();

    /// One scan at `now` on the caller's thread, serialised with the thread's scans. Throws
    /// like SpoolScanner::scanOnce.
    ScanReport scanOnce(TimePoint now);

private:
    void run();

    std::chrono::milliseconds interval_;
    const Clock& clock_;
    ReportHandler on_report_;
    SpoolScanner scanner_;
    std::mutex scan_mutex_;  ///< one scan at a time
    std::mutex state_mutex_;
    std::condition_variable wake_;
    bool stop_requested_ = false;
    std::thread thread_;
};

}  // namespace rxdesk::spool
