#include "spool/SpoolNames.h"

#include <algorithm>
#include <cctype>

namespace rxdesk::spool {
namespace {

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool endsWithIgnoringCase(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    return std::equal(suffix.begin(), suffix.end(), s.end() - suffix.size(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) ==
               std::tolower(static_cast<unsigned char>(b));
    });
}

}  // namespace

NameRole classifyName(std::string_view name) {
    if (name.empty() || name.front() == '.') return NameRole::Ignored;
    if (endsWithIgnoringCase(name, ".tmp") || endsWithIgnoringCase(name, ".part"))
        return NameRole::Ignored;
    if (endsWith(name, ".meta")) return NameRole::Sidecar;
    if (endsWith(name, ".done")) return NameRole::Marker;
    return NameRole::Document;
}

std::string sidecarName(std::string_view document) {
    return std::string(document) + ".meta";
}
std::string markerName(std::string_view document) {
    return std::string(document) + ".done";
}
std::string reasonName(std::string_view document) {
    return std::string(document) + ".reason";
}

std::string collisionName(std::string_view name, int n) {
    if (n <= 0) return std::string(name);
    const std::string suffix = "-" + std::to_string(n);
    const auto dot = name.rfind('.');
    // A leading dot is not an extension separator ("..." names never reach here anyway).
    if (dot == std::string_view::npos || dot == 0) return std::string(name) + suffix;
    return std::string(name.substr(0, dot)) + suffix + std::string(name.substr(dot));
}

}  // namespace rxdesk::spool
