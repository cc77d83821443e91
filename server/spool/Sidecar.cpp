#include "spool/Sidecar.h"

#include <algorithm>
#include <cctype>

#include "core/TokyoTime.h"

namespace rxdesk::spool {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::optional<std::string> normaliseFaxNumber(std::string_view raw) {
    std::string out;
    for (const char c : raw) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            out += c;
        else if (c == '+' && out.empty())
            out += c;
        else if (c != ' ' && c != '-' && c != '(' && c != ')')
            return std::nullopt;
    }
    const auto digits = std::count_if(
        out.begin(), out.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (digits < 6 || digits > 20) return std::nullopt;
    return out;
}

std::optional<TimePoint> parseReceivedAt(std::string_view raw) {
    if (auto t = parseIso8601(raw)) return t;
    // Gateways configured in local time often write no offset; the pharmacy is in Japan.
    if (raw.size() == 19 && raw[10] == 'T') return parseIso8601(std::string(raw) + "+09:00");
    return std::nullopt;
}

}  // namespace

Sidecar parseSidecar(std::string_view text) {
    Sidecar out;
    auto warn = [&](const char* code) {
        if (std::find(out.warnings.begin(), out.warnings.end(), code) == out.warnings.end())
            out.warnings.emplace_back(code);
    };
    while (!text.empty()) {
        const auto eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
        line = trim(line);
        if (line.empty() || line.front() == '#') continue;
        const auto eq = line.find('=');
        if (eq == std::string_view::npos || eq == 0) {
            warn("sidecar_malformed_line");
            continue;
        }
        const auto key = trim(line.substr(0, eq));
        const auto value = trim(line.substr(eq + 1));
        if (key == "sender") {
            out.sender_fax = normaliseFaxNumber(value);
            if (!out.sender_fax) warn("sidecar_invalid_sender");
        } else if (key == "received_at") {
            out.received_at = parseReceivedAt(value);
            if (!out.received_at) warn("sidecar_invalid_received_at");
        }
    }
    return out;
}

}  // namespace rxdesk::spool
