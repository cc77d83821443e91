#include "spool/SpoolWatcher.h"

#include "core/Error.h"

namespace rxdesk::spool {
SpoolWatcher::SpoolWatcher(SpoolSettings settings, SpoolFileSystem& fs, SpoolSink sink,
                           const Clock& clock, ReportHandler on_report)
    : interval_(settings.scan_interval),
      clock_(clock),
      on_report_(std::move(on_report)),
      scanner_(std::move(settings), fs, std::move(sink)) {}

SpoolWatcher::~SpoolWatcher() {
    stop();
}

void SpoolWatcher::start() {
    std::lock_guard lock(state_mutex_);
    if (thread_.joinable())
        throw Error(ErrorKind::Internal, "spool_watcher_running", "the spool watcher already runs");
    stop_requested_ = false;
    thread_ = std::thread([this] { run(); });
}

void SpoolWatcher::stop() {
    {
        std::lock_guard lock(state_mutex_);
        if (!thread_.joinable()) return;
        stop_requested_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

ScanReport SpoolWatcher::scanOnce(TimePoint now) {
    std::lock_guard lock(scan_mutex_);
    return scanner_.scanOnce(now);
}

void SpoolWatcher::run() {
    for (;;) {
        ScanReport report;
        try {
            report = scanOnce(clock_.now());
        } catch (const Error& e) {
            report.error_code = e.code();
        } catch (const std::exception&) {
            report.error_code = "spool_scan_failed";
        }
        if (on_report_ && (!report.events.empty() || !report.error_code.empty())) {
            try {
                on_report_(report);
            } catch (...) {
                // A logging failure must not stop fax intake.
            }
        }
        std::unique_lock lock(state_mutex_);
        if (wake_.wait_for(lock, interval_, [this] { return stop_requested_; })) return;
    }
}

}  // namespace rxdesk::spool
