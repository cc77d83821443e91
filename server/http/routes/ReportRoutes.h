#pragma once

#include <string>

#include "http/Router.h"
#include "reporting/ReportService.h"

namespace rxdesk::http {

/// GET /api/v1/reports/{name}: a report as PDF or CSV (UTF-8 with BOM, or Shift_JIS with
/// encoding=sjis). GET /api/v1/reports: the catalogue (every report ReportService knows, with
/// its Japanese title, parameters and formats). `font_path` overrides the PDF renderer's
/// Japanese font ("" = default).
void addReportRoutes(Router& router, reporting::ReportService& reports, std::string font_path = {});

}  // namespace rxdesk::http
