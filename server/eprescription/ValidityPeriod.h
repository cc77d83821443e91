#pragma once

#include <optional>

#include "core/TokyoTime.h"

namespace rxdesk::eprescription {

/// The last day a prescription issued on `issue_date` may be dispensed: the use-by date
/// when the prescriber wrote one, else the 4th day counting the issue date (issue + 3).
Date lastDayOfUse(Date issue_date, std::optional<Date> use_by_date);

}  // namespace rxdesk::eprescription
