#include "app/CommandLine.h"

#include <algorithm>

#include "core/Error.h"

namespace rxdesk::app {

CommandLine::CommandLine(const std::vector<std::string>& args,
                         const std::vector<std::string>& flags) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) != 0) {
            words_.push_back(a);
            continue;
        }
        std::string name = a.substr(2);
        if (auto eq = name.find('='); eq != std::string::npos) {
            options_[name.substr(0, eq)] = name.substr(eq + 1);
        } else if (std::find(flags.begin(), flags.end(), name) != flags.end()) {
            options_[name] = "true";
        } else if (i + 1 < args.size()) {
            options_[name] = args[++i];
        } else {
            throw Error(ErrorKind::BadRequest, "missing_option", "--" + name + " に値がありません");
        }
    }
}

std::optional<std::string> CommandLine::option(const std::string& name) const {
    auto it = options_.find(name);
    if (it == options_.end()) return std::nullopt;
    return it->second;
}

std::string CommandLine::requireOption(const std::string& name) const {
    auto value = option(name);
    if (!value || value->empty())
        throw Error(ErrorKind::BadRequest, "missing_option", "--" + name + " を指定してください");
    return *value;
}

bool CommandLine::flag(const std::string& name) const { return options_.count(name) > 0; }

}  // namespace rxdesk::app
