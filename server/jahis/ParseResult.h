#pragma once

#include <optional>
#include <vector>

#include "prescription/Finding.h"
#include "prescription/Prescription.h"

namespace rxdesk::jahis {

/// What JahisParser::parse found.
struct ParseResult {
    /// Present whenever the text starts with a JAHIS header, even if records were bad.
    std::optional<prescription::Prescription> prescription;
    std::vector<prescription::Finding> findings;
    int version = 0;  ///< n of the "JAHIS<n>" header; 0 when there was none
};

}  // namespace rxdesk::jahis
