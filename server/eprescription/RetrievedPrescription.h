#pragma once

#include <string>
#include <vector>

#include "core/TokyoTime.h"
#include "prescription/Finding.h"
#include "prescription/Prescription.h"

namespace rxdesk::eprescription {

/// An e-prescription as the national service hands it out.
struct RetrievedPrescription {
    /// The service's identifier of the prescription (処方箋ID); quote it when registering
    /// the dispensing result.
    std::string prescription_id;
    prescription::Prescription prescription;
    Date issued_on;
    /// The last day it may be dispensed (4 days counting the issue date unless the
    /// prescriber wrote a use-by date).
    Date expires_on;
    /// What the JAHIS parser noticed while reading the content (unknown records and the
    /// like); empty for a clean prescription. Show them to the pharmacist.
    std::vector<prescription::Finding> findings;

    friend bool operator==(const RetrievedPrescription&, const RetrievedPrescription&) = default;
};

}  // namespace rxdesk::eprescription
