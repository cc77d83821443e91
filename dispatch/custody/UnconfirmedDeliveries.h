#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "dispatch/custody/ParcelCustody.h"

namespace rxdesk::dispatch {

/// A carrier parcel whose receipt by the patient has not been confirmed yet.
struct UnconfirmedDelivery {
    std::string parcel_id;
    CustodyState state = CustodyState::HandedToCarrier;  ///< HandedToCarrier or Delivered
    TimePoint since{};  ///< delivered time when known, else the hand-over to the carrier
};

/// Carrier parcels (handed to the carrier, delivered or not yet known to be) without a
/// receipt confirmation whose `since` is more than `older_than` before `now`, oldest first.
/// Failed and returned parcels, staff and counter deliveries are never listed.
std::vector<UnconfirmedDelivery> listUnconfirmedDeliveries(
    const std::vector<ParcelCustody>& parcels, TimePoint now,
    std::chrono::hours older_than = std::chrono::hours(24));

}  // namespace rxdesk::dispatch
