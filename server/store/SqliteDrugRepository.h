#pragma once

#include "dispatch/drugs/DrugRepository.h"
#include "store/Database.h"

namespace rxdesk::store {

/// DrugRepository over `drug_master`, `drug_supplement` and `drug_imports`. Each method
/// joins the caller's transaction or runs in its own.
class SqliteDrugRepository : public dispatch::DrugRepository {
public:
    explicit SqliteDrugRepository(Database& db) : db_(db) {}

    void replaceMaster(const std::vector<dispatch::MasterDrug>& drugs,
                       const dispatch::DrugImportStamp& stamp) override;
    void replaceSupplement(const std::vector<dispatch::SupplementEntry>& entries,
                           const dispatch::DrugImportStamp& stamp) override;
    std::vector<dispatch::MasterDrug> loadMaster() const override;
    std::vector<dispatch::SupplementEntry> loadSupplement() const override;
    std::optional<dispatch::DrugImportStamp> lastImport(
        dispatch::DrugDataSet data_set) const override;
    void upsertSupplement(const dispatch::SupplementEntry& entry, const std::string& actor,
                          TimePoint at) override;
    std::optional<dispatch::SupplementEntry> findSupplement(const std::string& code) const override;
    std::int64_t revision() const override;

private:
    Database& db_;
};

}  // namespace rxdesk::store
