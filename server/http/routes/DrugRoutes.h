#pragma once

#include "http/Router.h"
#include "shipping/DrugDataService.h"

namespace rxdesk::http {

/// GET /api/v1/drugs/{code} and PUT /api/v1/drugs/{code}/supplement.
void addDrugRoutes(Router& router, shipping::DrugDataService& drugs);

}  // namespace rxdesk::http
