#include "shipping/DrugCatalogProvider.h"

namespace rxdesk::shipping {

DrugCatalogProvider::DrugCatalogProvider(Transactor& tx, const dispatch::DrugRepository& repository)
    : tx_(tx), repository_(repository) {
    reload();
}

std::shared_ptr<const dispatch::DrugCatalog> DrugCatalogProvider::load(
    std::int64_t& revision) const {
    auto catalog = std::make_shared<dispatch::DrugCatalog>();
    // One snapshot for the revision and the rows, so the revision names what was loaded.
    tx_.read([&] {
        revision = repository_.revision();
        *catalog = dispatch::loadCatalog(repository_);
    });
    return catalog;
}

void DrugCatalogProvider::reload() {
    std::lock_guard lock(reload_mutex_);
    std::int64_t revision = 0;
    auto catalog = load(revision);
    catalog_.store(std::move(catalog));
    revision_.store(revision);
}

std::shared_ptr<const dispatch::DrugCatalog> DrugCatalogProvider::current() const {
    try {
        std::int64_t stored = 0;
        tx_.read([&] { stored = repository_.revision(); });
        if (stored != revision_.load()) {
            std::lock_guard lock(reload_mutex_);
            if (stored != revision_.load()) {
                std::int64_t revision = 0;
                auto catalog = load(revision);
                catalog_.store(std::move(catalog));
                revision_.store(revision);
            }
        }
    } catch (...) {
        // A failing store must not stop the checks: the catalog we have is still the
        // pharmacy's data, only possibly one import behind.
    }
    return catalog_.load();
}

}  // namespace rxdesk::shipping
