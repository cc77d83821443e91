#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Clock.h"
#include "dispatch/drugs/DrugCatalog.h"
#include "dispatch/drugs/MasterDrug.h"
#include "dispatch/drugs/SupplementEntry.h"

namespace rxdesk::dispatch {

/// Which drug data set an import replaced.
enum class DrugDataSet {
    ClaimsMaster,  ///< 医薬品マスター
    Supplement,    ///< pharmacy supplement
};

/// Who imported what, when: kept so the counter can show how fresh the master is.
struct DrugImportStamp {
    DrugDataSet data_set = DrugDataSet::ClaimsMaster;
    TimePoint imported_at{};
    std::string source_name;  ///< file name as given, e.g. "y_ALL20261101.csv"
    std::string actor;        ///< staff account id
    std::size_t accepted = 0;
    std::size_t rejected = 0;
};

/// The port through which drug data is persisted; the store implements it.
class DrugRepository {
public:
    virtual ~DrugRepository() = default;

    /// Replaces the whole claims master with `drugs` and records `stamp`, atomically: on
    /// failure nothing changes and Error(ErrorKind::Storage) is thrown.
    virtual void replaceMaster(const std::vector<MasterDrug>& drugs,
                               const DrugImportStamp& stamp) = 0;

    /// Replaces the whole supplement (HOT codes included) and records `stamp`, atomically;
    /// throws Error(ErrorKind::Storage) on failure.
    virtual void replaceSupplement(const std::vector<SupplementEntry>& entries,
                                   const DrugImportStamp& stamp) = 0;

    /// All stored master drugs, any order. Throws Error(ErrorKind::Storage) on failure.
    virtual std::vector<MasterDrug> loadMaster() const = 0;

    /// All stored supplement rows, any order. Throws Error(ErrorKind::Storage) on failure.
    virtual std::vector<SupplementEntry> loadSupplement() const = 0;

    /// The latest import of `data_set`, nullopt when it was never imported.
    virtual std::optional<DrugImportStamp> lastImport(DrugDataSet data_set) const = 0;

    /// Inserts or replaces the supplement row keyed by `entry.code` (a pharmacist's edit),
    /// leaving the other rows alone; throws Error(ErrorKind::Storage) on failure.
    virtual void upsertSupplement(const SupplementEntry& entry, const std::string& actor,
                                  TimePoint at) = 0;

    /// The supplement row keyed by exactly `code` (claims or YJ code), nullopt when none.
    virtual std::optional<SupplementEntry> findSupplement(const std::string& code) const = 0;

    /// A number that changes whenever the master or the supplement changes (imports and
    /// edits, from any process): a cached catalog is stale when it differs.
    virtual std::int64_t revision() const = 0;
};

/// Builds a catalog from everything the repository holds.
inline DrugCatalog loadCatalog(const DrugRepository& repository) {
    DrugCatalog catalog;
    catalog.setMaster(repository.loadMaster());
    catalog.setSupplement(repository.loadSupplement());
    return catalog;
}

}  // namespace rxdesk::dispatch
