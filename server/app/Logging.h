#pragma once

#include <string>

namespace rxdesk::app {

/// Sends every Poco logger to standard error as "<UTC time> <level> <source>: <text>" at
/// `level` ("information", "debug", …).
void configureLogging(const std::string& level);

}  // namespace rxdesk::app
