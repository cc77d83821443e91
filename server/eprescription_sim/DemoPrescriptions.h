#pragma once

#include <vector>

#include "core/TokyoTime.h"
#include "eprescription_sim/SeedPrescription.h"

namespace rxdesk::eprescription_sim {

/// Synthetic prescriptions (fictional patients and institution) for the demo, dated
/// relative to `today` so they never go stale. All share insurer number 06139999:
/// - 1000000000000001 電子 花子 (1985-04-01): issued today, valid
/// - 1000000000000002 電子 一郎 (1950-12-24): issued yesterday, use-by date today + 13
///   (湿布 and an as-needed painkiller)
/// - 1000000000000003 電子 次郎 (1972-07-07): issued 5 days ago, expired
std::vector<SeedPrescription> demoPrescriptions(Date today);

}  // namespace rxdesk::eprescription_sim
