#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>

#include "core/Transactor.h"
#include "dispatch/drugs/DrugCatalog.h"
#include "dispatch/drugs/DrugRepository.h"

namespace rxdesk::shipping {

/// The current drug catalog, shared by every request thread. Readers take a snapshot
/// (a shared_ptr to an immutable catalog) without locking; a reload builds a new catalog
/// and swaps it in, so a request keeps the catalog it started with.
class DrugCatalogProvider {
public:
    /// Loads the catalog from `repository`. Throws Error(Storage) when it cannot be read.
    DrugCatalogProvider(Transactor& tx, const dispatch::DrugRepository& repository);

    /// The current catalog, reloaded first when the repository's revision moved (an import
    /// by another process, e.g. `rxdesk drugs import` while serving). Never throws: when the
    /// revision cannot be read or the reload fails, the previous catalog is returned.
    std::shared_ptr<const dispatch::DrugCatalog> current() const;

    /// Reloads now (after an import in this process). Throws Error(Storage) on failure.
    void reload();

private:
    std::shared_ptr<const dispatch::DrugCatalog> load(std::int64_t& revision) const;

    Transactor& tx_;
    const dispatch::DrugRepository& repository_;
    mutable std::mutex reload_mutex_;
    mutable std::atomic<std::int64_t> revision_{-1};
    mutable std::atomic<std::shared_ptr<const dispatch::DrugCatalog>> catalog_;
};

}  // namespace rxdesk::shipping
