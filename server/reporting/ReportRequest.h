#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/TokyoTime.h"

namespace rxdesk::reporting {

/// What to report on. Which fields a report needs depends on its name (see ReportService).
struct ReportRequest {
    std::string name;          ///< e.g. "guidance-records"
    std::optional<Date> from;  ///< first day of the period (Asia/Tokyo), inclusive
    std::optional<Date> to;    ///< last day of the period, inclusive
    std::optional<Date> date;  ///< route-sheet: the delivery day
    std::optional<std::chrono::year_month> month;  ///< fees: the claim month
    std::string patient_ref;                       ///< audit-extract: the patient …
    std::optional<std::int64_t> prescription_id;   ///< … or a prescription of theirs
    std::string format;  ///< "pdf" or "csv": recorded in the audit trail only
};

}  // namespace rxdesk::reporting
