#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include <functional>
#include <optional>
#include <string>

#include "app/Settings.h"
#include "app/SettingsReader.h"

namespace rxdesk::app {


/// The process environment.
std::optional<std::string> processEnvironment(const std::string& name);

/// Builds Settings from a configuration (properties file) with environment overrides: the
/// key rxdesk.a.b is overridden by the variable RXDESK_A_B (how secrets are passed).
/// Validates everything; throws Error(BadRequest, "invalid_setting") naming the key and
/// what is wrong.
Settings loadSettings(const Poco::Util::AbstractConfiguration& config,
                      const EnvironmentLookup& env = processEnvironment);

/// Loads `path` (a .properties file) or, when `path` is empty, etc/rxdesk.properties if it
/// exists, else only defaults and the environment.
Settings loadSettingsFile(const std::string& path, const EnvironmentLookup& env = processEnvironment);

}  // namespace rxdesk::app
