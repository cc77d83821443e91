#pragma once

#include <Poco/Util/ServerApplication.h>

namespace rxdesk::app {

/// `rxdesk serve [--config FILE]`: runs until SIGTERM/SIGINT, then shuts down gracefully
/// (requests in flight finish, the database is checkpointed and closed).
class ServerApp : public Poco::Util::ServerApplication {
protected:
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    int main(const std::vector<std::string>& args) override;

private:
    std::string config_path_;
};

}  // namespace rxdesk::app
