#pragma once

#include <string_view>

#include "prescription/Channel.h"

namespace rxdesk::checks {

using prescription::Channel;
using prescription::parseChannel;

/// "fax", "eprescription", "clinic_api", "counter".
inline std::string_view toString(Channel channel) { return prescription::name(channel); }

}  // namespace rxdesk::checks
