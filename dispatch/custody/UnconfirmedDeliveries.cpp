#include "dispatch/custody/UnconfirmedDeliveries.h"

#include <algorithm>

namespace rxdesk::dispatch {

std::vector<UnconfirmedDelivery> listUnconfirmedDeliveries(
    const std::vector<ParcelCustody>& parcels, TimePoint now, std::chrono::hours older_than) {
    std::vector<UnconfirmedDelivery> list;
    for (const ParcelCustody& p : parcels) {
        if (p.channel() != DeliveryChannel::Carrier || p.receiptConfirmed()) continue;
        if (p.state() != CustodyState::HandedToCarrier && p.state() != CustodyState::Delivered) {
            continue;
        }
        TimePoint since = p.deliveredAt() ? *p.deliveredAt() : *p.handedToCarrierAt();
        if (now - since > older_than) list.push_back({p.parcelId(), p.state(), since});
    }
    std::sort(list.begin(), list.end(),
              [](const UnconfirmedDelivery& a, const UnconfirmedDelivery& b) {
                  return a.since < b.since;
              });
    return list;
}

}  // namespace rxdesk::dispatch
