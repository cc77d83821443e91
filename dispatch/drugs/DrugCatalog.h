#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dispatch/drugs/DrugCodes.h"
#include "dispatch/drugs/DrugInfo.h"
#include "dispatch/drugs/MasterDrug.h"
#include "dispatch/drugs/SupplementEntry.h"

namespace rxdesk::dispatch {

/// In-memory, read-mostly index over the claims master, the pharmacy supplement and a HOT
/// code mapping. Pure: built from values, answers lookups; not thread-safe for writes
/// (build it, then share it const).
class DrugCatalog {
public:
    /// Replaces the master. Later duplicates of a claims code are ignored.
    void setMaster(std::vector<MasterDrug> drugs);

    /// Replaces the supplement, and the HOT mappings that came from it (mappings added with
    /// addHotCode stay).
    void setSupplement(std::vector<SupplementEntry> entries);

    /// Records that HOT code `hot` (7, 9 or 13 digits) names the drug `code` of kind
    /// `target_kind` (Claims or Yj), e.g. from the MEDIS HOT master. Returns false (and
    /// records nothing) when either code is malformed.
    bool addHotCode(std::string_view hot, DrugCodeKind target_kind, std::string_view code);

    /// Resolves a drug named by any code system.
    /// Claims: the master entry (plus supplement), or a supplement-only entry keyed by that
    ///   claims code.
    /// Yj: the master entry with the smallest claims code carrying that YJ code (several
    ///   brands can share one 薬価基準収載医薬品コード; they share control class too), or a
    ///   supplement-only entry.
    /// Hot: a 13-digit code is cut to HOT9. A known HOT9 resolves exactly; otherwise its
    ///   first 7 digits (処方用番号) resolve when every known code with that HOT7 names the
    ///   same drug. Ambiguous or unknown → nullopt.
    /// Supplement merge: a row keyed by the claims code wins over a row keyed by the YJ code
    /// (the whole row, not flag by flag). Returns nullopt when nothing is known.
    std::optional<DrugInfo> resolve(DrugCodeKind kind, std::string_view code) const;

    std::size_t masterSize() const { return master_.size(); }
    std::size_t supplementSize() const {
        return supplement_by_claims_.size() + supplement_by_yj_.size();
    }

private:
    struct Target {
        DrugCodeKind kind;
        std::string code;
        bool operator==(const Target&) const = default;
    };

    std::optional<DrugInfo> byClaims(std::string_view claims_code) const;
    std::optional<DrugInfo> byYj(std::string_view yj_code) const;
    std::optional<Target> hotTarget(std::string_view hot) const;
    static void applySupplement(DrugInfo& info, const SupplementEntry& entry);

    std::map<std::string, MasterDrug, std::less<>> master_;         // by claims code
    std::map<std::string, std::string, std::less<>> yj_to_claims_;  // smallest claims
    std::map<std::string, SupplementEntry, std::less<>> supplement_by_claims_;
    std::map<std::string, SupplementEntry, std::less<>> supplement_by_yj_;
    std::multimap<std::string, Target, std::less<>> hot_from_supplement_;  // HOT7 or HOT9 key
    std::multimap<std::string, Target, std::less<>> hot_added_;
};

}  // namespace rxdesk::dispatch
