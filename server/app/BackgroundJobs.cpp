#include "app/BackgroundJobs.h"

#include <Poco/Logger.h>

#include "app/RetentionTimer.h"
#include "app/SpoolIntake.h"
#include "spool/PosixSpoolFileSystem.h"
#include "spool/SpoolWatcher.h"

namespace rxdesk::app {

BackgroundJobs::BackgroundJobs(Services& services) : services_(services) {
    const auto& spool_settings = services.settings().spool;
    if (spool_settings.enabled) {
        spool_fs_ = std::make_unique<spool::PosixSpoolFileSystem>();
        spool_ = std::make_unique<spool::SpoolWatcher>(
            spool_settings, *spool_fs_, makeSpoolIntake(services.intake()), services.clock(),
            [](const spool::ScanReport& report) {
                // Names and codes only: the report carries no patient data.
                static Poco::Logger& log = Poco::Logger::get("rxdesk.spool");
                for (const auto& event : report.events)
                    log.information("spool: " + event.name + " " +
                                    (event.code.empty() ? event.prescription_id : event.code));
            });
    }
    const auto& originals_settings = services.settings().originals;
    if (originals_settings.retention_enabled) {
        // First run a minute after start-up, so a restart loop does not hammer the disk.
        retention_ = std::make_unique<RetentionTimer>(
            std::chrono::seconds(60),
            std::chrono::hours(originals_settings.retention_interval_hours),
            [&services] {
                auto report = services.retention().run(
                    auth::Caller{auth::Principal::system("retention"), "local"});
                // Counts only: the report carries no patient data.
                Poco::Logger::get("rxdesk.retention")
                    .information("retention: removed " +
                                 std::to_string(report.removed.prescriptions) + " prescriptions, " +
                                 std::to_string(report.orphans_removed) + " unmatched originals, " +
                                 std::to_string(report.blobs_removed) + " images, " +
                                 std::to_string(report.idempotency_keys_removed) +
                                 " idempotency keys");
                // Blobs left by requests that failed after writing them (see BlobSweeper).
                auto swept = services.blobSweeper().run();
                Poco::Logger::get("rxdesk.retention")
                    .information("blob sweep: removed " + std::to_string(swept.removed) + ", " +
                                 std::to_string(swept.pending) + " waiting");
            },
            [](const std::string& error) {
                Poco::Logger::get("rxdesk.retention").error("retention failed: " + error);
            });
    }
}

BackgroundJobs::~BackgroundJobs() {
    stop();
}

void BackgroundJobs::start() {
    if (spool_) spool_->start();
    if (retention_) retention_->start();
}

void BackgroundJobs::stop() {
    if (spool_) spool_->stop();
    if (retention_) retention_->stop();
}

}  // namespace rxdesk::app
