#pragma once

#include <Poco/JSON/Object.h>

#include <cstddef>

#include "http/Router.h"
#include "shipping/DrugDataService.h"

namespace rxdesk::http {

/// GET /api/v1/drugs/{code}, PUT /api/v1/drugs/{code}/supplement, and the uploads of whole
/// data sets: POST /api/v1/drugs/master (the claims master CSV as published, Shift_JIS) and
/// POST /api/v1/drugs/supplement (the pharmacy's supplement CSV), both `text/csv`.
void addDrugRoutes(Router& router, shipping::DrugDataService& drugs);

/// An import's outcome as JSON: data set, counts, and the first `max_bad_lines` bad lines
/// (`bad_lines_truncated` says whether more were left out). Shared with the command line.
Poco::JSON::Object drugImportView(const shipping::DrugImportReport& report,
                                  std::size_t max_bad_lines);

}  // namespace rxdesk::http
