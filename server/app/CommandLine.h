#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rxdesk::app {

/// A parsed command line: `rxdesk <words…> [--option value | --flag]…`.
class CommandLine {
public:
    /// `flags` names the options that take no value (e.g. "json", "demo").
    CommandLine(const std::vector<std::string>& args, const std::vector<std::string>& flags);

    const std::vector<std::string>& words() const { return words_; }
    /// The n-th positional word, or "" when there are fewer.
    std::string word(size_t n) const { return n < words_.size() ? words_[n] : ""; }
    std::optional<std::string> option(const std::string& name) const;
    /// Throws Error(BadRequest, "missing_option").
    std::string requireOption(const std::string& name) const;
    bool flag(const std::string& name) const;

private:
    std::vector<std::string> words_;
    std::map<std::string, std::string> options_;
};

}  // namespace rxdesk::app
