#pragma once

#include <string>

#include "prescription/Prescription.h"

namespace rxdesk::eprescription_sim {

/// A prescription the simulated service holds. It must carry an issue date, the insurer
/// number and the patient's birth date (the identity check compares them).
struct SeedPrescription {
    std::string prescription_id;  ///< empty: the registry assigns one
    std::string exchange_number;  ///< 引換番号
    prescription::Prescription prescription;
};

}  // namespace rxdesk::eprescription_sim
