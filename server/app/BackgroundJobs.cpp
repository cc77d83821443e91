#include "app/BackgroundJobs.h"

#include <Poco/Logger.h>

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
                    log.information("spool: " + event.name + " " + (event.code.empty() ? event.prescription_id : event.code));
            });
    }
}

BackgroundJobs::~BackgroundJobs() { stop(); }

void BackgroundJobs::start() {
    if (spool_) spool_->start();
}

void BackgroundJobs::stop() {
    if (spool_) spool_->stop();
}

}  // namespace rxdesk::app
