#pragma once

#include "prescription/Channel.h"

namespace rxdesk::workflow {

using prescription::allChannels;
using prescription::canBeMisdirected;
using prescription::Channel;
using prescription::expectsMailedOriginal;
using prescription::label;
using prescription::name;
using prescription::parseChannel;

}  // namespace rxdesk::workflow
