#pragma once

#include <string>
#include <string_view>

namespace rxdesk::prescription {

/// How much a finding matters to the pharmacist.
enum class Severity {
    Info,     ///< worth knowing, nothing to do
    Warning,  ///< check before dispensing
    Error,    ///< must be resolved (e.g. inquiry to the prescriber) before dispensing
};

/// "info", "warning" or "error".
std::string_view toString(Severity severity);

/// One observation from a parser or a rule check. `code` is a stable machine identifier
/// (e.g. "jahis_unknown_record", "rx_expired"); `message` is a Japanese sentence for the
/// pharmacist; `evidence` says where or why (line number, Rp number, drug name, date) and
/// never carries patient identity beyond what is printed on the prescription itself.
struct Finding {
    std::string code;
    Severity severity = Severity::Info;
    std::string message;
    std::string evidence;

    friend bool operator==(const Finding&, const Finding&) = default;
};

}  // namespace rxdesk::prescription
