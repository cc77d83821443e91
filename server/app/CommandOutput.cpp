#include "app/CommandOutput.h"

namespace rxdesk::app {

void CommandOutput::line(const std::string& text) {
    if (!json_) out_ << text << "\n";
}

void CommandOutput::result(const Poco::JSON::Object& object) {
    if (!json_) return;
    object.stringify(out_);
    out_ << "\n";
}

}  // namespace rxdesk::app
