#include "shipping/DispatchSettings.h"

#include "core/Error.h"

namespace rxdesk::shipping {

void DispatchSettings::validate() const {
    if (pharmacy.name.empty()) {
        throw Error(ErrorKind::BadRequest, "invalid_setting", "薬局名を設定してください",
                    "rxdesk.dispatch.pharmacy.name");
    }
    if (!b2.billing_customer_code.empty()) {
        try {
            dispatch::validateB2Settings(b2);
        } catch (const Error& e) {
            throw Error(ErrorKind::BadRequest, "invalid_setting", e.what(),
                        "rxdesk.dispatch.b2." + e.field());
        }
    }
}

}  // namespace rxdesk::shipping
