#include "shipping/DrugDataService.h"

#include <map>
#include <set>

#include "core/Error.h"
#include "dispatch/drugs/DrugMasterParser.h"
#include "dispatch/drugs/SupplementParser.h"

namespace rxdesk::shipping {
namespace {

using dispatch::DrugCodeKind;
using dispatch::DrugDataSet;

Error notFound() {
    return Error(ErrorKind::NotFound, "drug_not_found",
                 "その医薬品はマスターにも補足にもありません");
}

// Sorts the rows of an import against what was stored before, matched by `key`.
template <typename Row, typename Key>
void countChanges(const std::vector<Row>& before, const std::vector<Row>& after, Key key,
                  DrugImportReport& report) {
    std::map<std::string, const Row*> old_rows;
    for (const Row& row : before) old_rows.emplace(key(row), &row);
    std::set<std::string> kept;
    for (const Row& row : after) {
        auto old = old_rows.find(key(row));
        if (old == old_rows.end()) {
            ++report.added;
        } else {
            kept.insert(old->first);
            ++(*old->second == row ? report.unchanged : report.updated);
        }
    }
    report.removed = old_rows.size() - kept.size();
}

std::string countsDetail(const DrugImportReport& r) {
    return "accepted=" + std::to_string(r.accepted) +
           " rejected=" + std::to_string(r.bad_lines.size()) + " added=" + std::to_string(r.added) +
           " updated=" + std::to_string(r.updated) + " removed=" + std::to_string(r.removed);
}

}  // namespace

void DrugDataService::auditChange(const auth::Caller& caller, const std::string& action,
                                  const std::string& object_id, const std::string& detail,
                                  const std::string& outcome) {
    audit_.record(audit::AuditEvent{caller.principal.actor(), action, "drug_data", object_id,
                                    std::nullopt, caller.remote_addr, outcome, detail});
}

DrugImportReport DrugDataService::importMaster(std::string_view cp932_bytes,
                                               const std::string& source_name,
                                               const auth::Caller& caller) {
    dispatch::DrugMasterImport parsed = dispatch::parseDrugMaster(cp932_bytes);
    if (parsed.drugs.empty()) {
        // Who tried to replace the master with an unusable file is worth keeping.
        tx_.write([&] {
            auditChange(caller, "drugs.import_master", "claims_master",
                        "rejected=" + std::to_string(parsed.bad_lines.size()), "denied");
        });
        throw Error(ErrorKind::BadRequest, "drug_master_empty",
                    "医薬品マスターとして使える行が1行もありません（ファイルを確認してください）");
    }
    DrugImportReport report{DrugDataSet::ClaimsMaster, parsed.drugs.size(),
                            std::move(parsed.bad_lines)};
    dispatch::DrugImportStamp stamp{
        DrugDataSet::ClaimsMaster, clock_.now(),    source_name,
        caller.principal.actor(),  report.accepted, report.bad_lines.size()};
    tx_.write([&] {
        countChanges(
            drugs_.loadMaster(), parsed.drugs,
            [](const dispatch::MasterDrug& d) { return d.claims_code; }, report);
        drugs_.replaceMaster(parsed.drugs, stamp);
        auditChange(caller, "drugs.import_master", "claims_master", countsDetail(report));
    });
    catalogs_.reload();
    return report;
}

DrugImportReport DrugDataService::importSupplement(std::string_view bytes,
                                                   const std::string& source_name,
                                                   const auth::Caller& caller) {
    dispatch::SupplementImport parsed = dispatch::parseSupplement(bytes);
    // Replacing the supplement with nothing would silently drop every cold-chain and 劇薬
    // flag: a file without one usable row (wrong file, broken header) is refused.
    if (parsed.entries.empty()) {
        std::string reason = parsed.bad_lines.empty() ? "empty" : parsed.bad_lines.front().code;
        tx_.write([&] {
            auditChange(caller, "drugs.import_supplement", "supplement", "reason=" + reason,
                        "denied");
        });
        if (parsed.bad_lines.empty())
            throw Error(ErrorKind::BadRequest, "supplement_unusable",
                        "補足として使える行が1行もありません（ファイルを確認してください）");
        const auto& p = parsed.bad_lines.front();
        throw Error(ErrorKind::BadRequest, "supplement_unusable",
                    std::to_string(p.line) + " 行目: " + p.reason);
    }
    DrugImportReport report{DrugDataSet::Supplement, parsed.entries.size(),
                            std::move(parsed.bad_lines)};
    dispatch::DrugImportStamp stamp{
        DrugDataSet::Supplement,  clock_.now(),    source_name,
        caller.principal.actor(), report.accepted, report.bad_lines.size()};
    tx_.write([&] {
        countChanges(
            drugs_.loadSupplement(), parsed.entries,
            [](const dispatch::SupplementEntry& e) { return e.code; }, report);
        drugs_.replaceSupplement(parsed.entries, stamp);
        auditChange(caller, "drugs.import_supplement", "supplement", countsDetail(report));
    });
    catalogs_.reload();
    return report;
}

DrugLookup DrugDataService::lookup(const std::string& code) const {
    auto catalog = catalogs_.current();
    std::optional<dispatch::DrugInfo> info;
    if (dispatch::isClaimsCode(code)) info = catalog->resolve(DrugCodeKind::Claims, code);
    if (!info && dispatch::isYjCode(code)) info = catalog->resolve(DrugCodeKind::Yj, code);
    if (!info && dispatch::isHotCode(code)) info = catalog->resolve(DrugCodeKind::Hot, code);
    if (!info) throw notFound();
    DrugLookup out{code, *info, std::nullopt};
    tx_.read([&] { out.own_supplement = drugs_.findSupplement(code); });
    return out;
}

DrugLookup DrugDataService::putSupplement(const std::string& code, dispatch::SupplementEntry entry,
                                          const auth::Caller& caller) {
    if (dispatch::isClaimsCode(code)) {
        entry.key_kind = DrugCodeKind::Claims;
    } else if (dispatch::isYjCode(code)) {
        entry.key_kind = DrugCodeKind::Yj;
    } else {
        throw Error(ErrorKind::BadRequest, "invalid_field",
                    "補足は9桁の医薬品コードか12桁のYJコードに付けてください", "code");
    }
    entry.code = code;
    for (const std::string& hot : entry.hot_codes) {
        if (!dispatch::isHotCode(hot))
            throw Error(ErrorKind::BadRequest, "invalid_field",
                        "HOTコードは7桁・9桁・13桁の数字です", "hot_codes");
    }
    tx_.write([&] {
        drugs_.upsertSupplement(entry, caller.principal.actor(), clock_.now());
        auditChange(caller, "drugs.edit_supplement", code, "");
    });
    catalogs_.reload();
    return lookup(code);
}

std::optional<dispatch::DrugImportStamp> DrugDataService::lastImport(
    dispatch::DrugDataSet data_set) const {
    std::optional<dispatch::DrugImportStamp> out;
    tx_.read([&] { out = drugs_.lastImport(data_set); });
    return out;
}

}  // namespace rxdesk::shipping
