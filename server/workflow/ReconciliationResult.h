#pragma once

#include <vector>

#include "workflow/Difference.h"

namespace rxdesk::workflow {

/// The outcome of comparing the dispensed copy with the original.
struct ReconciliationResult {
    /// True only when the original was readable and no field differs.
    bool matched = false;
    /// False when the original's data could not be read (QR missing or undecodable): the
    /// pharmacist compares by eye and records the outcome; `differences` is then empty.
    bool original_readable = true;
    /// In the order: patient, insurance, institution, prescriber, dates, narcotic, refill,
    /// Rps (by Rp number; within an Rp: form, quantity, usage, drugs), remarks.
    std::vector<Difference> differences;
};

}  // namespace rxdesk::workflow
