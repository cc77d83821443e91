#pragma once

#include "http/Router.h"
#include "scheduling/GuidanceService.h"

namespace rxdesk::http {

/// Video guidance (オンライン服薬指導) under /api/v1/guidance: pharmacists' schedules and their
/// secret calendar feeds, slots, appointments (book, reschedule, cancel, list), the patient's
/// preferred pharmacist and the ordered candidates, join links, session start and the
/// guidance record with its fee.
void addGuidanceRoutes(Router& router, scheduling::GuidanceService& guidance);

}  // namespace rxdesk::http
