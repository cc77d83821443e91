#include "checks/Channel.h"

#include <array>
#include <utility>

namespace rxdesk::checks {
namespace {

constexpr std::array<std::pair<Channel, std::string_view>, 4> kNames{{
    {Channel::Fax, "fax"},
    {Channel::EPrescription, "eprescription"},
    {Channel::ClinicApi, "clinic_api"},
    {Channel::Counter, "counter"},
}};

}  // namespace

std::string_view toString(Channel channel) {
    for (const auto& [value, name] : kNames) {
        if (value == channel) return name;
    }
    return "counter";
}

std::optional<Channel> parseChannel(std::string_view text) {
    for (const auto& [value, name] : kNames) {
        if (name == text) return value;
    }
    return std::nullopt;
}

}  // namespace rxdesk::checks
