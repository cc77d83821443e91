#include "prescription/Channel.h"

#include <array>

namespace rxdesk::prescription {
namespace {

struct ChannelInfo {
    Channel channel;
    std::string_view name;
    std::string_view label;
    bool mailed_original;
    bool misdirectable;
};

constexpr std::array<ChannelInfo, 4> kChannels{{
    {Channel::Fax, "fax", "FAX", true, true},
    {Channel::ClinicApi, "clinic_api", "医療機関連携", true, true},
    {Channel::Eprescription, "eprescription", "電子処方箋", false, false},
    {Channel::Counter, "counter", "窓口持参", false, false},
}};

constexpr std::array<Channel, 4> kAll{Channel::Fax, Channel::ClinicApi, Channel::Eprescription,
                                      Channel::Counter};

const ChannelInfo& info(Channel channel) {
    return kChannels[static_cast<size_t>(channel)];
}

}  // namespace

std::span<const Channel> allChannels() {
    return kAll;
}

std::string_view name(Channel channel) {
    return info(channel).name;
}

std::string_view label(Channel channel) {
    return info(channel).label;
}

std::optional<Channel> parseChannel(std::string_view text) {
    for (const auto& c : kChannels)
        if (c.name == text) return c.channel;
    return std::nullopt;
}

bool expectsMailedOriginal(Channel channel) {
    return info(channel).mailed_original;
}

bool canBeMisdirected(Channel channel) {
    return info(channel).misdirectable;
}

}  // namespace rxdesk::prescription
