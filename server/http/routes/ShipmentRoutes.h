#pragma once

#include "http/Router.h"
#include "shipping/ShippingService.h"

namespace rxdesk::http {

/// Shipments (a day's list, plan, labels, handling notes, B2 export) and parcels (lookup by number,
/// custody events, receipt, temperatures, excursion decisions, unconfirmed receipts).
void addShipmentRoutes(Router& router, shipping::ShippingService& shipping);

}  // namespace rxdesk::http
