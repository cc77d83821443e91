#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/AuditLog.h"
#include "auth/Principal.h"
#include "core/Clock.h"
#include "core/Transactor.h"
#include "dispatch/drugs/DrugInfo.h"
#include "dispatch/drugs/DrugRepository.h"
#include "dispatch/drugs/ImportProblem.h"
#include "shipping/DrugCatalogProvider.h"

namespace rxdesk::shipping {

/// What an import did. Rows are matched with what was stored before by their code
/// (claims code for the master, the keyed code for the supplement):
/// accepted = added + updated + unchanged.
struct DrugImportReport {
    dispatch::DrugDataSet data_set = dispatch::DrugDataSet::ClaimsMaster;
    std::size_t accepted = 0;                        ///< rows now stored
    std::vector<dispatch::ImportProblem> bad_lines;  ///< rows left out, with line numbers
    std::size_t added = 0;                           ///< codes that were not stored before
    std::size_t updated = 0;                         ///< codes stored before whose row changed
    std::size_t unchanged = 0;                       ///< codes stored before with the same row
    std::size_t removed = 0;  ///< codes stored before and no longer in the file
};

/// A drug as the counter sees it: what the catalog resolves and the supplement row keyed
/// by exactly the code asked for (the one a pharmacist edits).
struct DrugLookup {
    std::string code;
    dispatch::DrugInfo info;
    std::optional<dispatch::SupplementEntry> own_supplement;
};

/// Imports and edits of drug data. Every change is recorded as an import stamp (so every
/// process sees the new revision), audited, and swapped into the shared catalog.
class DrugDataService {
public:
    DrugDataService(Transactor& tx, dispatch::DrugRepository& drugs, DrugCatalogProvider& catalogs,
                    audit::AuditLog& audit, const Clock& clock)
        : tx_(tx), drugs_(drugs), catalogs_(catalogs), audit_(audit), clock_(clock) {}

    /// Replaces the claims master with the usable lines of `cp932_bytes` (a re-import
    /// updates drugs in place and drops those no longer listed). Throws
    /// Error(BadRequest, "drug_master_empty") when not one line is usable, so a wrong file
    /// cannot wipe the master (the refusal is audited, nothing else changes).
    DrugImportReport importMaster(std::string_view cp932_bytes, const std::string& source_name,
                                  const auth::Caller& caller);

    /// Replaces the supplement with the usable rows of the file. Throws
    /// Error(BadRequest, "supplement_unusable") when not one row is usable (e.g. a broken
    /// header), so a wrong file cannot wipe the supplement (the refusal is audited, nothing
    /// else changes).
    DrugImportReport importSupplement(std::string_view bytes, const std::string& source_name,
                                      const auth::Caller& caller);

    /// Resolves a claims (9 digits), YJ (12) or HOT (7, 9 or 13 digits) code. Throws
    /// Error(NotFound, "drug_not_found") when the catalog does not know it.
    DrugLookup lookup(const std::string& code) const;

    /// The latest import of `data_set` (file name, when, by whom, rows kept and left out),
    /// nullopt when it was never imported: how fresh the data the checks use is.
    std::optional<dispatch::DrugImportStamp> lastImport(dispatch::DrugDataSet data_set) const;

    /// Writes the supplement row for a claims or YJ code (replacing the row keyed by that
    /// code). Throws Error(BadRequest, "invalid_field", "code") for any other code.
    DrugLookup putSupplement(const std::string& code, dispatch::SupplementEntry entry,
                             const auth::Caller& caller);

private:
    void auditChange(const auth::Caller& caller, const std::string& action,
                     const std::string& object_id, const std::string& detail,
                     const std::string& outcome = "ok");

    Transactor& tx_;
    dispatch::DrugRepository& drugs_;
    DrugCatalogProvider& catalogs_;
    audit::AuditLog& audit_;
    const Clock& clock_;
};

}  // namespace rxdesk::shipping
