#pragma once

#include <string>

#include "dispatch/carrier/B2Csv.h"
#include "dispatch/labels/Party.h"

namespace rxdesk::shipping {

/// Dispatch settings (rxdesk.dispatch.*), documented in etc/rxdesk.properties.
struct DispatchSettings {
    /// [rxdesk.dispatch.rules_file] the handling rules table; "" = the built-in copy of
    /// etc/handling_rules.csv. Loaded and validated at start-up.
    std::string rules_file;
    /// [rxdesk.dispatch.pharmacy.name|postcode|address|phone] the sender on labels, B2 and
    /// handling notes.
    labels::Party pharmacy{"rxdesk 薬局", "1000001", "東京都千代田区千代田1-1", "03-0000-0000"};
    /// [rxdesk.dispatch.pharmacy.contact_hours] printed on the handling note ("" = omitted).
    std::string contact_hours;
    /// [rxdesk.dispatch.b2.item_name|billing_customer_code|billing_class_code|freight_number|
    /// title_row]
    /// Yamato B2 export; the export is refused while
    /// billing_customer_code is empty.
    dispatch::B2ExportSettings b2;
    /// [rxdesk.dispatch.receipt_follow_up_hours] carrier deliveries without a receipt
    /// confirmation are listed for follow-up after this many hours.
    int receipt_follow_up_hours = 24;

    /// Throws Error(BadRequest, "invalid_setting", …, key) when a value is unusable: B2
    /// settings (only checked when
    /// billing_customer_code is set), an empty pharmacy name.
    void validate() const;
};

}  // namespace rxdesk::shipping
