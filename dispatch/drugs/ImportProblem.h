#pragma once

#include <cstddef>
#include <string>

namespace rxdesk::dispatch {

/// A line an importer could not use. The rest of the file is still imported.
struct ImportProblem {
    std::size_t line = 0;  ///< 1-based physical line in the file
    std::string code;      ///< stable identifier, e.g. "bad_claims_code"
    std::string reason;    ///< Japanese sentence for the pharmacist; never patient data
};

}  // namespace rxdesk::dispatch
