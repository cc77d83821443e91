#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/TokyoTime.h"
#include "eprescription_sim/SeedPrescription.h"

namespace rxdesk::eprescription_sim {

/// Reads seed prescriptions for the simulator. The document:
///
///   {"prescriptions": [
///     {"exchange_number": "1234567890123456",     required
///      "prescription_id": "RX-1",                 optional, assigned when absent
///      "jahis": "JAHIS10\r\n1,1,…",                JAHIS text (UTF-8) …
///      "jahis_file": "rx1.txt",                   … or a file of it (Shift_JIS or UTF-8),
///                                                   relative to the seed file
///      "issued_days_ago": 1}                      optional: moves the issue date (and a
///   ]}                                              use-by date with it) to today − N, so
///                                                   a demo seed never goes stale
///
/// The JAHIS text must hold an issue date (51), insurer number (22) and birth date (13).
class SeedFile {
public:
    /// Throws Error(BadRequest, "invalid_seed", message naming the entry index) when the
    /// document or an entry is malformed.
    static std::vector<SeedPrescription> parse(std::string_view json, Date today,
                                               const std::string& base_dir = ".");

    /// parse() on the contents of `path`; throws Error(NotFound, "seed_unreadable") when the
    /// file cannot be read.
    static std::vector<SeedPrescription> load(const std::string& path, Date today);
};

}  // namespace rxdesk::eprescription_sim
