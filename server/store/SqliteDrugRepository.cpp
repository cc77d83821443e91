#include "store/SqliteDrugRepository.h"

#include <SQLiteCpp/Statement.h>

#include "core/TokyoTime.h"

namespace rxdesk::store {
namespace {

using dispatch::DrugCodeKind;
using dispatch::DrugDataSet;
using dispatch::SupplementEntry;

constexpr const char* kSupplementColumns =
    "code, key_kind, storage, protect_from_light, powerful, radiopharmaceutical, urgent, "
    "do_not_shake, emergency_contraceptive, high_risk, misuse, hot_codes, note";

const char* dataSetName(DrugDataSet d) {
    return d == DrugDataSet::ClaimsMaster ? "claims_master" : "supplement";
}

std::string joinHot(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : " ") + c;
    return out;
}

std::vector<std::string> splitHot(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

void insertStamp(SQLite::Database& c, const char* data_set, TimePoint at, const std::string& source,
                 const std::string& actor, std::size_t accepted, std::size_t rejected) {
    SQLite::Statement q(c,
                        "INSERT INTO drug_imports (data_set, imported_at, source_name, actor, "
                        "accepted, rejected) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, data_set);
    q.bind(2, unixSeconds(at));
    q.bind(3, source);
    q.bind(4, actor);
    q.bind(5, static_cast<std::int64_t>(accepted));
    q.bind(6, static_cast<std::int64_t>(rejected));
    q.exec();
}

void writeSupplement(SQLite::Database& c, const SupplementEntry& e, std::int64_t at,
                     const std::string& by) {
    SQLite::Statement q(c, std::string("INSERT OR REPLACE INTO drug_supplement (") +
                               kSupplementColumns +
                               ", updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                               "?, ?, ?, ?)");
    q.bind(1, e.code);
    q.bind(2, e.key_kind == DrugCodeKind::Claims ? "claims" : "yj");
    q.bind(3, std::string(dispatch::storageTemperatureName(e.storage)));
    q.bind(4, e.protect_from_light ? 1 : 0);
    q.bind(5, e.powerful ? 1 : 0);
    q.bind(6, e.radiopharmaceutical ? 1 : 0);
    q.bind(7, e.urgent ? 1 : 0);
    q.bind(8, e.do_not_shake ? 1 : 0);
    q.bind(9, e.emergency_contraceptive ? 1 : 0);
    q.bind(10, e.high_risk ? 1 : 0);
    q.bind(11, std::string(dispatch::misuseConcernName(e.misuse)));
    q.bind(12, joinHot(e.hot_codes));
    q.bind(13, e.note);
    q.bind(14, at);
    q.bind(15, by);
    q.exec();
}

SupplementEntry rowToSupplement(SQLite::Statement& q) {
    SupplementEntry e;
    e.code = q.getColumn(0).getString();
    e.key_kind = q.getColumn(1).getString() == "claims" ? DrugCodeKind::Claims : DrugCodeKind::Yj;
    e.storage = dispatch::parseStorageTemperature(q.getColumn(2).getString())
                    .value_or(dispatch::StorageTemperature::Room);
    e.protect_from_light = q.getColumn(3).getInt() != 0;
    e.powerful = q.getColumn(4).getInt() != 0;
    e.radiopharmaceutical = q.getColumn(5).getInt() != 0;
    e.urgent = q.getColumn(6).getInt() != 0;
    e.do_not_shake = q.getColumn(7).getInt() != 0;
    e.emergency_contraceptive = q.getColumn(8).getInt() != 0;
    e.high_risk = q.getColumn(9).getInt() != 0;
    e.misuse = dispatch::parseMisuseConcern(q.getColumn(10).getString())
                   .value_or(dispatch::MisuseConcern::None);
    e.hot_codes = splitHot(q.getColumn(11).getString());
    e.note = q.getColumn(12).getString();
    return e;
}

}  // namespace

void SqliteDrugRepository::replaceMaster(const std::vector<dispatch::MasterDrug>& drugs,
                                         const dispatch::DrugImportStamp& stamp) {
    db_.write([&] {
        auto& c = db_.connection();
        c.exec("DELETE FROM drug_master");
        SQLite::Statement q(c,
                            "INSERT INTO drug_master (claims_code, name, kana_name, unit, "
                            "control_class, yj_code) VALUES (?, ?, ?, ?, ?, ?)");
        for (const auto& d : drugs) {
            q.reset();
            q.clearBindings();
            q.bind(1, d.claims_code);
            q.bind(2, d.name);
            q.bind(3, d.kana_name);
            q.bind(4, d.unit);
            q.bind(5, static_cast<int>(d.control));
            if (d.yj_code) q.bind(6, *d.yj_code);
            q.exec();
        }
        insertStamp(c, dataSetName(stamp.data_set), stamp.imported_at, stamp.source_name,
                    stamp.actor, stamp.accepted, stamp.rejected);
    });
}

void SqliteDrugRepository::replaceSupplement(const std::vector<SupplementEntry>& entries,
                                             const dispatch::DrugImportStamp& stamp) {
    db_.write([&] {
        auto& c = db_.connection();
        c.exec("DELETE FROM drug_supplement");
        for (const auto& e : entries)
            writeSupplement(c, e, unixSeconds(stamp.imported_at), stamp.actor);
        insertStamp(c, dataSetName(stamp.data_set), stamp.imported_at, stamp.source_name,
                    stamp.actor, stamp.accepted, stamp.rejected);
    });
}

std::vector<dispatch::MasterDrug> SqliteDrugRepository::loadMaster() const {
    std::vector<dispatch::MasterDrug> out;
    db_.read([&] {
        SQLite::Statement q(db_.connection(),
                            "SELECT claims_code, name, kana_name, unit, control_class, yj_code "
                            "FROM drug_master");
        while (q.executeStep()) {
            dispatch::MasterDrug d;
            d.claims_code = q.getColumn(0).getString();
            d.name = q.getColumn(1).getString();
            d.kana_name = q.getColumn(2).getString();
            d.unit = q.getColumn(3).getString();
            d.control = static_cast<dispatch::ControlClass>(q.getColumn(4).getInt());
            if (!q.getColumn(5).isNull()) d.yj_code = q.getColumn(5).getString();
            out.push_back(std::move(d));
        }
    });
    return out;
}

std::vector<SupplementEntry> SqliteDrugRepository::loadSupplement() const {
    std::vector<SupplementEntry> out;
    db_.read([&] {
        SQLite::Statement q(db_.connection(),
                            std::string("SELECT ") + kSupplementColumns + " FROM drug_supplement");
        while (q.executeStep()) out.push_back(rowToSupplement(q));
    });
    return out;
}

std::optional<dispatch::DrugImportStamp> SqliteDrugRepository::lastImport(
    DrugDataSet data_set) const {
    std::optional<dispatch::DrugImportStamp> out;
    db_.read([&] {
        SQLite::Statement q(db_.connection(),
                            "SELECT imported_at, source_name, actor, accepted, rejected FROM "
                            "drug_imports WHERE data_set = ? ORDER BY id DESC LIMIT 1");
        q.bind(1, dataSetName(data_set));
        if (!q.executeStep()) return;
        out = dispatch::DrugImportStamp{data_set,
                                        fromUnixSeconds(q.getColumn(0).getInt64()),
                                        q.getColumn(1).getString(),
                                        q.getColumn(2).getString(),
                                        static_cast<std::size_t>(q.getColumn(3).getInt64()),
                                        static_cast<std::size_t>(q.getColumn(4).getInt64())};
    });
    return out;
}

void SqliteDrugRepository::upsertSupplement(const SupplementEntry& entry, const std::string& actor,
                                            TimePoint at) {
    db_.write([&] {
        auto& c = db_.connection();
        writeSupplement(c, entry, unixSeconds(at), actor);
        insertStamp(c, "supplement_edit", at, entry.code, actor, 1, 0);
    });
}

std::optional<SupplementEntry> SqliteDrugRepository::findSupplement(const std::string& code) const {
    std::optional<SupplementEntry> out;
    db_.read([&] {
        SQLite::Statement q(db_.connection(), std::string("SELECT ") + kSupplementColumns +
                                                  " FROM drug_supplement WHERE code = ?");
        q.bind(1, code);
        if (q.executeStep()) out = rowToSupplement(q);
    });
    return out;
}

std::int64_t SqliteDrugRepository::revision() const {
    std::int64_t out = 0;
    db_.read([&] {
        auto q = db_.statement("SELECT COALESCE(MAX(id), 0) FROM drug_imports");
        q->executeStep();
        out = q->getColumn(0).getInt64();
    });
    return out;
}

}  // namespace rxdesk::store
