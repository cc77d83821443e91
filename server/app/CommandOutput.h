#pragma once

#include <Poco/JSON/Object.h>

#include <ostream>
#include <string>

namespace rxdesk::app {

/// Prints a command's result either as one JSON object (--json) or as human text.
class CommandOutput {
public:
    CommandOutput(std::ostream& out, bool json) : out_(out), json_(json) {}

    bool json() const { return json_; }
    /// Prints `text` unless in JSON mode.
    void line(const std::string& text);
    /// Prints `object` in JSON mode.
    void result(const Poco::JSON::Object& object);

private:
    std::ostream& out_;
    bool json_;
};

}  // namespace rxdesk::app
