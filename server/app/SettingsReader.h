#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include <functional>
#include <optional>
#include <string>

#include "core/Error.h"

namespace rxdesk::app {

/// Looks up an environment variable; injectable for tests.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string&)>;

/// Reads typed, validated values: the key rxdesk.a.b from the environment variable
/// RXDESK_A_B if set, else from the configuration, else the default. Every invalid value
/// throws Error(BadRequest, "invalid_setting") with the key as the field.
class SettingsReader {
public:
    SettingsReader(const Poco::Util::AbstractConfiguration& config, const EnvironmentLookup& env)
        : config_(config), env_(env) {}

    std::string string(const std::string& key, const std::string& fallback) const;
    int integer(const std::string& key, int fallback, int min, int max) const;
    bool boolean(const std::string& key, bool fallback) const;

    static Error invalid(const std::string& key, const std::string& why);

private:
    const Poco::Util::AbstractConfiguration& config_;
    const EnvironmentLookup& env_;
};

}  // namespace rxdesk::app
