#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dispatch/drugs/MasterDrug.h"
#include "dispatch/drugs/SupplementEntry.h"

namespace rxdesk::dispatch {

/// What the catalog knows about one drug: the claims master merged with the most specific
/// pharmacy supplement row.
struct DrugInfo {
    std::string claims_code;  ///< empty when the drug is only in the supplement
    std::optional<std::string> yj_code;
    std::string name;  ///< master name; empty when not in the master
    std::string unit;
    ControlClass control = ControlClass::None;
    bool in_master = false;
    bool has_supplement = false;  ///< false: storage is assumed room and every flag false
    StorageTemperature storage = StorageTemperature::Room;
    bool protect_from_light = false;
    bool powerful = false;
    bool radiopharmaceutical = false;
    bool urgent = false;
    bool do_not_shake = false;
    bool emergency_contraceptive = false;
    bool high_risk = false;
    MisuseConcern misuse = MisuseConcern::None;
    std::string note;

    bool operator==(const DrugInfo&) const = default;
};

}  // namespace rxdesk::dispatch
