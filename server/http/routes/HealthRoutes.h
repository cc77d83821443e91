#pragma once

#include <functional>

#include "http/Metrics.h"
#include "http/Router.h"

namespace rxdesk::http {

/// GET /healthz (the process answers), GET /readyz (`ready` returns without throwing, e.g.
/// the database answers), GET /metrics (Prometheus text; from loopback, or for a principal
/// holding MetricsRead).
void addHealthRoutes(Router& router, const Metrics& metrics, std::function<void()> ready);

}  // namespace rxdesk::http
