#pragma once

#include <string>
#include <vector>

#include "core/Clock.h"
#include "prescription/DrugItem.h"

namespace rxdesk::eprescription {

/// One drug as actually dispensed (after a generic substitution it differs from the
/// prescribed one).
struct DispensedItem {
    int rp_no = 0;  ///< the Rp of the prescription this item fills
    prescription::DrugCodeSystem code_system = prescription::DrugCodeSystem::None;
    std::string code;
    std::string name;
    std::string amount;  ///< per day (内服) or per use, as written, e.g. "3"
    std::string unit;    ///< e.g. 錠
    int quantity = 0;    ///< days (内服) or times (頓服) or units dispensed

    friend bool operator==(const DispensedItem&, const DispensedItem&) = default;
};

/// The pharmacist responsible for the dispensing.
struct Pharmacist {
    std::string name;
    std::string registration_number;  ///< 薬剤師名簿登録番号

    friend bool operator==(const Pharmacist&, const Pharmacist&) = default;
};

/// 調剤結果: what the pharmacy registers with the service after dispensing.
struct DispensingResult {
    std::string prescription_id;  ///< RetrievedPrescription::prescription_id
    std::vector<DispensedItem> items;
    Pharmacist pharmacist;
    TimePoint dispensed_at;

    friend bool operator==(const DispensingResult&, const DispensingResult&) = default;
};

/// The service's acknowledgement of a registered dispensing result.
struct RegistrationReceipt {
    std::string result_id;
    TimePoint registered_at;

    friend bool operator==(const RegistrationReceipt&, const RegistrationReceipt&) = default;
};

}  // namespace rxdesk::eprescription
