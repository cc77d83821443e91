#include "app/ServerApp.h"

#include <Poco/Logger.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <iostream>

#include "app/BackgroundJobs.h"
#include "app/HttpListener.h"
#include "app/Logging.h"
#include "app/Services.h"
#include "app/SettingsLoader.h"
#include "core/Error.h"
#include "core/SystemClock.h"

namespace rxdesk::app {

void ServerApp::defineOptions(Poco::Util::OptionSet& options) {
    ServerApplication::defineOptions(options);
    options.addOption(Poco::Util::Option("config", "c", "configuration file (.properties)")
                          .required(false)
                          .repeatable(false)
                          .argument("FILE"));
}

void ServerApp::handleOption(const std::string& name, const std::string& value) {
    ServerApplication::handleOption(name, value);
    if (name == "config") config_path_ = value;
}

int ServerApp::main(const std::vector<std::string>&) {
    try {
        Settings settings = loadSettingsFile(config_path_);
        configureLogging(settings.log_level);
        Poco::Logger& log = Poco::Logger::get("rxdesk");
        SystemClock clock;
        Services services(settings, clock);
        HttpListener listener(settings, services);
        listener.start();
        BackgroundJobs jobs(services);
        jobs.start();
        if (settings.notify.enabled) services.notificationPump().start();
        std::cout << "rxdesk: serving https://localhost:" << listener.httpsPort() << "/" << std::endl;
        if (listener.httpPort())
            std::cout << "rxdesk: plain HTTP on http://127.0.0.1:" << *listener.httpPort() << "/"
                      << std::endl;
        log.information("started");
        waitForTerminationRequest();
        log.information("stopping: letting requests in flight finish");
        jobs.stop();
        services.notificationPump().stop();
        listener.stop(settings.shutdown_grace_seconds);
        log.information("stopped");
        return EXIT_OK;
    } catch (const Error& e) {
        std::cerr << "rxdesk: " << e.what() << std::endl;
        return EXIT_CONFIG;
    }
}

}  // namespace rxdesk::app
