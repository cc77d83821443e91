#pragma once

#include <string_view>
#include <vector>

#include "dispatch/drugs/ImportProblem.h"
#include "dispatch/drugs/MasterDrug.h"

namespace rxdesk::dispatch {

/// Outcome of reading a claims drug master file.
struct DrugMasterImport {
    std::vector<MasterDrug> drugs;         ///< usable lines, in file order
    std::vector<ImportProblem> bad_lines;  ///< rejected lines with reasons, in file order
};

/// The fewest columns a master line must have (column 32 holds the YJ code).
inline constexpr std::size_t kDrugMasterMinColumns = 32;

/// Parses the claims drug master given as raw Shift_JIS (CP932) bytes: one drug per line,
/// CR/LF/CRLF line ends, double-quoted fields allowed. Columns used (1-based): 3 claims
/// code (9 digits), 5 name, 7 kana name, 10 unit, 14 control class (0, 1, 2, 3 or 5),
/// 32 YJ code (12 characters [0-9A-Z], or empty).
/// A line that cannot be decoded, has fewer than 32 columns, an invalid claims code, an
/// empty name, an unknown control class, a malformed YJ code, or repeats a claims code
/// already seen is reported in `bad_lines` (the first occurrence of a code is kept); every
/// other line is returned. Never throws on bad content.
DrugMasterImport parseDrugMaster(std::string_view cp932_bytes);

}  // namespace rxdesk::dispatch
