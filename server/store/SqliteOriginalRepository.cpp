#include "store/SqliteOriginalRepository.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <SQLiteCpp/Statement.h>

#include <functional>
#include <set>
#include <sstream>

#include "core/Error.h"
#include "jahis/JahisParser.h"
#include "jahis/JahisWriter.h"
#include "store/SqliteValues.h"

namespace rxdesk::store {
namespace {

using originals::AwaitingRow;
using originals::InquiryRecord;
using originals::OrphanOriginal;
using originals::ReconciliationRecord;

const char* kindName(workflow::DifferenceKind kind) {
    switch (kind) {
        case workflow::DifferenceKind::Changed:
            return "changed";
        case workflow::DifferenceKind::OnlyOnFax:
            return "only_on_fax";
        case workflow::DifferenceKind::OnlyInOriginal:
            return "only_in_original";
    }
    return "changed";
}

workflow::DifferenceKind parseKind(const std::string& s) {
    if (s == "only_on_fax") return workflow::DifferenceKind::OnlyOnFax;
    if (s == "only_in_original") return workflow::DifferenceKind::OnlyInOriginal;
    return workflow::DifferenceKind::Changed;
}

std::string differencesJson(const std::vector<workflow::Difference>& differences) {
    Poco::JSON::Array list;
    for (const auto& d : differences) {
        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("path", d.path);
        o.set("label", d.label);
        o.set("fax_value", d.fax_value);
        o.set("original_value", d.original_value);
        o.set("kind", std::string(kindName(d.kind)));
        list.add(o);
    }
    std::ostringstream out;
    list.stringify(out);
    return out.str();
}

std::vector<workflow::Difference> parseDifferences(const std::string& json) {
    std::vector<workflow::Difference> out;
    auto list = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Array::Ptr>();
    for (size_t i = 0; i < list->size(); ++i) {
        auto o = list->getObject(i);
        out.push_back(workflow::Difference{
            o->getValue<std::string>("path"), o->getValue<std::string>("label"),
            o->getValue<std::string>("fax_value"), o->getValue<std::string>("original_value"),
            parseKind(o->getValue<std::string>("kind"))});
    }
    return out;
}

InquiryRecord rowToInquiry(SQLite::Statement& q) {
    InquiryRecord i;
    i.id = q.getColumn(0).getInt64();
    i.prescription_id = q.getColumn(1).getInt64();
    i.reason = q.getColumn(2).getString();
    i.opened_at = q.getColumn(3).getInt64();
    i.opened_by = q.getColumn(4).getString();
    i.called_by = q.getColumn(5).getString();
    i.called_at = optionalInt(q, 6);
    i.clinic_contact = q.getColumn(7).getString();
    i.answer = q.getColumn(8).getString();
    if (!q.getColumn(9).isNull()) i.resolution = q.getColumn(9).getString();
    i.resolved_at = optionalInt(q, 10);
    i.resolved_by = text(q, 11);
    return i;
}

constexpr const char* kOrphanColumns =
    "id, received_at, received_by, source_sha256, content_jahis, institution_code, "
    "prescription_number, issue_date, patient_ref, patient_name, match_key, hold_reason, "
    "attached_to, attached_at, attached_by";

OrphanOriginal rowToOrphan(SQLite::Statement& q) {
    OrphanOriginal o;
    o.id = q.getColumn(0).getInt64();
    o.received_at = q.getColumn(1).getInt64();
    o.received_by = q.getColumn(2).getString();
    o.source_sha256 = q.getColumn(3).getString();
    if (std::string content = text(q, 4); !content.empty())
        o.content = jahis::JahisParser::parse(content).prescription;
    o.institution_code = text(q, 5);
    o.prescription_number = text(q, 6);
    o.issue_date = text(q, 7);
    o.patient_ref = text(q, 8);
    o.patient_name = text(q, 9);
    o.match_key = text(q, 10);
    o.hold_reason = q.getColumn(11).getString();
    o.attached_to = optionalInt(q, 12);
    o.attached_at = optionalInt(q, 13);
    o.attached_by = text(q, 14);
    return o;
}

void loadOrphanPages(SQLite::Database& c, OrphanOriginal& o) {
    SQLite::Statement q(
        c,
        "SELECT page_no, blob_id, preview_blob_id, media_type FROM orphan_original_pages "
        "WHERE orphan_id = ? ORDER BY page_no");
    q.bind(1, o.id);
    while (q.executeStep())
        o.pages.push_back(intake::PageRecord{"original", q.getColumn(0).getInt(),
                                             q.getColumn(1).getString(), q.getColumn(2).getString(),
                                             q.getColumn(3).getString()});
}

// Awaited originals: neither misdirected, cancelled nor a duplicate of another prescription.
constexpr const char* kAwaitingWhere =
    "p.original_state = 'awaiting' AND p.misdirected_at IS NULL AND p.duplicate_of IS NULL AND "
    "p.status NOT IN ('cancelled', 'misdirected')";

std::vector<std::int64_t> ids(SQLite::Statement& q) {
    std::vector<std::int64_t> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    return out;
}

std::string quoted(const std::string& identifier) {
    std::string out = "\"";
    for (char ch : identifier) {
        if (ch == '"') out += '"';
        out += ch;
    }
    return out + "\"";
}

bool holdsBlobIds(const std::string& column) {
    return column.find("blob") != std::string::npos ||
           (column.size() >= 6 && column.compare(column.size() - 6, 6, "sha256") == 0);
}

// The schema as the retention job needs it: which tables refer to which, and which columns
// hold blob ids.
struct SchemaMap {
    struct Reference {
        std::string table;
        std::string from;
        std::string to;
    };
    std::map<std::string, std::vector<Reference>> referenced_by;  // table -> who refers to it
    std::map<std::string, std::vector<std::string>> blob_columns;

    explicit SchemaMap(SQLite::Database& c) {
        std::vector<std::string> tables;
        SQLite::Statement list(
            c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        while (list.executeStep()) tables.push_back(list.getColumn(0).getString());
        for (const auto& table : tables) {
            SQLite::Statement fks(c, "PRAGMA foreign_key_list(" + quoted(table) + ")");
            while (fks.executeStep()) {
                std::string to = text(fks, 4);
                referenced_by[fks.getColumn(2).getString()].push_back(
                    Reference{table, fks.getColumn(3).getString(), to.empty() ? "rowid" : to});
            }
            SQLite::Statement columns(c, "PRAGMA table_info(" + quoted(table) + ")");
            while (columns.executeStep()) {
                std::string name = columns.getColumn(1).getString();
                if (holdsBlobIds(name)) blob_columns[table].push_back(name);
            }
        }
    }
};

}  // namespace

std::int64_t SqliteOriginalRepository::addReconciliation(const ReconciliationRecord& r) {
    auto& c = db_.connection();
    SQLite::Statement q(
        c,
        "INSERT INTO original_reconciliations (prescription_id, at, actor, method, readable, "
        "matched, differences_json, source_sha256, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, r.prescription_id);
    q.bind(2, r.at);
    q.bind(3, r.actor);
    q.bind(4, std::string(originals::name(r.method)));
    q.bind(5, r.readable ? 1 : 0);
    q.bind(6, r.matched ? 1 : 0);
    q.bind(7, differencesJson(r.differences));
    bindText(q, 8, r.source_sha256);
    q.bind(9, r.note);
    q.exec();
    return c.getLastInsertRowid();
}

std::optional<ReconciliationRecord> SqliteOriginalRepository::latestReconciliation(
    std::int64_t prescription_id) {
    SQLite::Statement q(
        db_.connection(),
        "SELECT id, prescription_id, at, actor, method, readable, matched, differences_json, "
        "source_sha256, note FROM original_reconciliations WHERE prescription_id = ? "
        "ORDER BY id DESC LIMIT 1");
    q.bind(1, prescription_id);
    if (!q.executeStep()) return std::nullopt;
    ReconciliationRecord r;
    r.id = q.getColumn(0).getInt64();
    r.prescription_id = q.getColumn(1).getInt64();
    r.at = q.getColumn(2).getInt64();
    r.actor = q.getColumn(3).getString();
    r.method = originals::parseComparisonMethod(q.getColumn(4).getString())
                   .value_or(originals::ComparisonMethod::Qr);
    r.readable = q.getColumn(5).getInt() != 0;
    r.matched = q.getColumn(6).getInt() != 0;
    r.differences = parseDifferences(q.getColumn(7).getString());
    r.source_sha256 = text(q, 8);
    r.note = q.getColumn(9).getString();
    return r;
}

std::int64_t SqliteOriginalRepository::addInquiry(const InquiryRecord& i) {
    auto& c = db_.connection();
    SQLite::Statement q(
        c,
        "INSERT INTO original_inquiries (prescription_id, reason, opened_at, opened_by) "
        "VALUES (?, ?, ?, ?)");
    q.bind(1, i.prescription_id);
    q.bind(2, i.reason);
    q.bind(3, i.opened_at);
    q.bind(4, i.opened_by);
    q.exec();
    std::int64_t id = c.getLastInsertRowid();
    if (!i.called_by.empty() || i.called_at || i.resolved_at) {
        InquiryRecord copy = i;
        copy.id = id;
        updateInquiry(copy);
    }
    return id;
}

void SqliteOriginalRepository::updateInquiry(const InquiryRecord& i) {
    SQLite::Statement q(
        db_.connection(),
        "UPDATE original_inquiries SET called_by = ?, called_at = ?, clinic_contact = ?, "
        "answer = ?, resolution = ?, resolved_at = ?, resolved_by = ? WHERE id = ?");
    q.bind(1, i.called_by);
    bindOptional(q, 2, i.called_at);
    q.bind(3, i.clinic_contact);
    q.bind(4, i.answer);
    bindOptional(q, 5, i.resolution);
    bindOptional(q, 6, i.resolved_at);
    bindText(q, 7, i.resolved_by);
    q.bind(8, i.id);
    q.exec();
}

std::vector<InquiryRecord> SqliteOriginalRepository::inquiries(std::int64_t prescription_id) {
    SQLite::Statement q(
        db_.connection(),
        "SELECT id, prescription_id, reason, opened_at, opened_by, called_by, called_at, "
        "clinic_contact, answer, resolution, resolved_at, resolved_by FROM original_inquiries "
        "WHERE prescription_id = ? ORDER BY id");
    q.bind(1, prescription_id);
    std::vector<InquiryRecord> out;
    while (q.executeStep()) out.push_back(rowToInquiry(q));
    return out;
}

std::int64_t SqliteOriginalRepository::addOrphan(const OrphanOriginal& o) {
    auto& c = db_.connection();
    SQLite::Statement q(
        c,
        "INSERT INTO orphan_originals (received_at, received_by, source_sha256, content_jahis, "
        "institution_code, prescription_number, issue_date, patient_ref, patient_name, "
        "match_key, hold_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, o.received_at);
    q.bind(2, o.received_by);
    q.bind(3, o.source_sha256);
    bindText(q, 4, o.content ? jahis::JahisWriter::write(*o.content) : "");
    bindText(q, 5, o.institution_code);
    bindText(q, 6, o.prescription_number);
    bindText(q, 7, o.issue_date);
    bindText(q, 8, o.patient_ref);
    bindText(q, 9, o.patient_name);
    bindText(q, 10, o.match_key);
    q.bind(11, o.hold_reason);
    q.exec();
    std::int64_t id = c.getLastInsertRowid();
    for (const auto& p : o.pages) {
        SQLite::Statement page(
            c,
            "INSERT INTO orphan_original_pages (orphan_id, page_no, blob_id, preview_blob_id, "
            "media_type) VALUES (?, ?, ?, ?, ?)");
        page.bind(1, id);
        page.bind(2, p.page_no);
        page.bind(3, p.blob_id);
        page.bind(4, p.preview_blob_id);
        page.bind(5, p.media_type);
        page.exec();
    }
    return id;
}

std::optional<OrphanOriginal> SqliteOriginalRepository::findOrphan(std::int64_t id) {
    auto& c = db_.connection();
    SQLite::Statement q(
        c, std::string("SELECT ") + kOrphanColumns + " FROM orphan_originals WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    OrphanOriginal o = rowToOrphan(q);
    loadOrphanPages(c, o);
    return o;
}

std::vector<OrphanOriginal> SqliteOriginalRepository::heldOrphans() {
    auto& c = db_.connection();
    SQLite::Statement q(
        c, std::string("SELECT ") + kOrphanColumns +
               " FROM orphan_originals WHERE attached_to IS NULL ORDER BY received_at, id");
    std::vector<OrphanOriginal> out;
    while (q.executeStep()) out.push_back(rowToOrphan(q));
    for (auto& o : out) loadOrphanPages(c, o);
    return out;
}

bool SqliteOriginalRepository::markOrphanAttached(std::int64_t id, std::int64_t prescription_id,
                                                  std::int64_t at, const std::string& by) {
    SQLite::Statement q(
        db_.connection(),
        "UPDATE orphan_originals SET attached_to = ?, attached_at = ?, attached_by = ? "
        "WHERE id = ? AND attached_to IS NULL");
    q.bind(1, prescription_id);
    q.bind(2, at);
    q.bind(3, by);
    q.bind(4, id);
    return q.exec() == 1;
}

std::vector<AwaitingRow> SqliteOriginalRepository::awaiting(const originals::AwaitingFilter& f) {
    std::string sql =
        "SELECT p.id, p.status, p.clinic_id, c.name, c.original_deadline_days, p.institution_code, "
        "p.patient_name, p.patient_ref, p.prescription_number, p.issue_date, p.dispensed_on, "
        "p.received_at, p.client_id, p.client_reference FROM prescriptions p "
        "LEFT JOIN clinics c ON c.id = p.clinic_id WHERE ";
    sql += kAwaitingWhere;
    if (f.clinic_id) sql += " AND p.clinic_id = :clinic";
    if (f.client_id) {
        // A clinic's key sees its own pushes and whatever names its institution (e.g. faxes).
        sql += " AND (p.client_id = :client";
        if (!f.institution_code.empty())
            sql +=
                " OR p.institution_code = :institution OR p.clinic_id IN "
                "(SELECT id FROM clinics WHERE institution_code = :institution)";
        sql += ")";
    }
    sql += " ORDER BY p.id";
    SQLite::Statement q(db_.connection(), sql);
    if (f.clinic_id) q.bind(":clinic", *f.clinic_id);
    if (f.client_id) {
        q.bind(":client", *f.client_id);
        if (!f.institution_code.empty()) q.bind(":institution", f.institution_code);
    }
    std::vector<AwaitingRow> out;
    while (q.executeStep()) {
        AwaitingRow r;
        r.prescription_id = q.getColumn(0).getInt64();
        r.status = q.getColumn(1).getString();
        r.clinic_id = optionalInt(q, 2);
        r.clinic_name = text(q, 3);
        if (auto days = optionalInt(q, 4)) r.clinic_deadline_days = int(*days);
        r.institution_code = text(q, 5);
        r.patient_name = text(q, 6);
        r.patient_ref = text(q, 7);
        r.prescription_number = text(q, 8);
        r.issue_date = text(q, 9);
        r.dispensed_on = text(q, 10);
        r.received_at = q.getColumn(11).getInt64();
        r.client_id = optionalInt(q, 12);
        r.client_reference = text(q, 13);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<std::int64_t> SqliteOriginalRepository::awaitingByMatchKey(
    const std::string& match_key) {
    SQLite::Statement q(db_.connection(), std::string("SELECT p.id FROM prescriptions p WHERE ") +
                                              kAwaitingWhere +
                                              " AND p.match_key = ? ORDER BY p.id");
    q.bind(1, match_key);
    return ids(q);
}

std::vector<std::int64_t> SqliteOriginalRepository::awaitingByPatient(
    const std::string& institution_code, const std::string& issue_date,
    const std::string& patient_ref) {
    SQLite::Statement q(db_.connection(),
                        std::string("SELECT p.id FROM prescriptions p WHERE ") + kAwaitingWhere +
                            " AND p.institution_code = ? AND p.issue_date = ? AND "
                            "p.patient_ref = ? ORDER BY p.id");
    q.bind(1, institution_code);
    q.bind(2, issue_date);
    q.bind(3, patient_ref);
    return ids(q);
}

void SqliteOriginalRepository::addChase(std::int64_t clinic_id, std::int64_t at,
                                        const std::string& actor, int originals) {
    SQLite::Statement q(
        db_.connection(),
        "INSERT INTO original_chases (clinic_id, at, actor, originals) VALUES (?, ?, ?, ?)");
    q.bind(1, clinic_id);
    q.bind(2, at);
    q.bind(3, actor);
    q.bind(4, originals);
    q.exec();
}

std::map<std::int64_t, std::int64_t> SqliteOriginalRepository::lastChases() {
    SQLite::Statement q(db_.connection(),
                        "SELECT clinic_id, MAX(at) FROM original_chases GROUP BY clinic_id");
    std::map<std::int64_t, std::int64_t> out;
    while (q.executeStep()) out[q.getColumn(0).getInt64()] = q.getColumn(1).getInt64();
    return out;
}

// A prescription has expired when it ended before the cut-off — completed, marked
// misdirected, or cancelled (a terminal state: its last update is the cancellation) —
// unless a prescription that has not expired names it as the one it duplicates (it goes
// when that one goes).
namespace {
std::string endedAt(const std::string& p) {
    return "COALESCE(" + p + ".completed_at, " + p + ".misdirected_at, CASE WHEN " + p +
           ".status = 'cancelled' THEN " + p + ".updated_at END)";
}
const std::string kExpiredWhere = endedAt("p") + " < :cutoff";
const std::string kReferencedByYounger =
    "EXISTS (SELECT 1 FROM prescriptions d WHERE d.duplicate_of = p.id AND (" + endedAt("d") +
    " IS NULL OR " + endedAt("d") + " >= :cutoff))";
const std::string kOrderByEnd = " ORDER BY " + endedAt("p") + ", p.id";
}  // namespace

std::vector<std::int64_t> SqliteRetentionRepository::expiredPrescriptions(
    std::int64_t completed_before, int limit) {
    SQLite::Statement q(db_.connection(), std::string("SELECT p.id FROM prescriptions p WHERE ") +
                                              kExpiredWhere + " AND NOT " + kReferencedByYounger +
                                              kOrderByEnd + " LIMIT :limit");
    q.bind(":cutoff", completed_before);
    q.bind(":limit", limit);
    return ids(q);
}

std::int64_t SqliteRetentionRepository::expiredButReferenced(std::int64_t completed_before) {
    SQLite::Statement q(db_.connection(),
                        std::string("SELECT COUNT(*) FROM prescriptions p WHERE ") + kExpiredWhere +
                            " AND " + kReferencedByYounger);
    q.bind(":cutoff", completed_before);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

namespace {

// Deletes the rows of `table` matching `where` and, first, every row that refers to them
// (foreign keys are enforced), depth-first along the references; collects the blob ids the
// deleted rows named.
void deleteCascade(SQLite::Database& c, SchemaMap& schema, const std::string& table,
                   const std::string& where, originals::RetentionCounts& counts,
                   std::set<std::string>& released, int depth = 0) {
    if (depth > 8) throw Error(ErrorKind::Internal, "retention_schema", "参照の階層が深すぎます");
    for (const auto& ref : schema.referenced_by[table]) {
        if (ref.table == table) continue;  // self-references are unlinked by the caller
        deleteCascade(c, schema, ref.table,
                      quoted(ref.from) + " IN (SELECT " + quoted(ref.to) + " FROM " +
                          quoted(table) + " WHERE " + where + ")",
                      counts, released, depth + 1);
    }
    for (const auto& column : schema.blob_columns[table]) {
        SQLite::Statement q(
            c, "SELECT DISTINCT " + quoted(column) + " FROM " + quoted(table) + " WHERE " + where);
        while (q.executeStep())
            if (!q.getColumn(0).isNull()) released.insert(q.getColumn(0).getString());
    }
    int n = c.exec("DELETE FROM " + quoted(table) + " WHERE " + where);
    if (n > 0) counts.rows_by_table[table] += n;
}

std::string idList(const std::vector<std::int64_t>& list) {
    std::string out;
    for (auto id : list) out += (out.empty() ? "" : ",") + std::to_string(id);
    return out;
}

}  // namespace

originals::RetentionCounts SqliteRetentionRepository::deletePrescriptions(
    const std::vector<std::int64_t>& list) {
    originals::RetentionCounts counts;
    if (list.empty()) return counts;
    auto& c = db_.connection();
    const std::string id_list = idList(list);
    // Expired duplicates of expired prescriptions may fall in a later batch: unlink them
    // first so the foreign key does not hold this batch back.
    c.exec("UPDATE prescriptions SET duplicate_of = NULL WHERE duplicate_of IN (" + id_list + ")");
    SchemaMap schema(c);
    std::set<std::string> released;
    deleteCascade(c, schema, "prescriptions", "id IN (" + id_list + ")", counts, released);
    counts.prescriptions = counts.rows_by_table["prescriptions"];
    counts.released_blobs.assign(released.begin(), released.end());
    return counts;
}

std::vector<std::int64_t> SqliteRetentionRepository::expiredOrphans(std::int64_t received_before,
                                                                    int limit) {
    SQLite::Statement q(db_.connection(),
                        "SELECT id FROM orphan_originals WHERE attached_to IS NULL AND "
                        "received_at < ? ORDER BY received_at, id LIMIT ?");
    q.bind(1, received_before);
    q.bind(2, limit);
    return ids(q);
}

originals::RetentionCounts SqliteRetentionRepository::deleteOrphans(
    const std::vector<std::int64_t>& list) {
    originals::RetentionCounts counts;
    if (list.empty()) return counts;
    auto& c = db_.connection();
    SchemaMap schema(c);
    std::set<std::string> released;
    deleteCascade(c, schema, "orphan_originals", "id IN (" + idList(list) + ")", counts, released);
    counts.released_blobs.assign(released.begin(), released.end());
    return counts;
}

std::int64_t SqliteRetentionRepository::deleteIdempotencyKeys(std::int64_t created_before) {
    SQLite::Statement q(db_.connection(), "DELETE FROM idempotency_keys WHERE created_at < ?");
    q.bind(1, created_before);
    return q.exec();
}

std::unordered_set<std::string> SqliteRetentionRepository::referencedBlobs() {
    auto& c = db_.connection();
    SchemaMap schema(c);
    std::unordered_set<std::string> out;
    for (const auto& [table, columns] : schema.blob_columns)
        for (const auto& column : columns) {
            SQLite::Statement q(c, "SELECT DISTINCT " + quoted(column) + " FROM " + quoted(table) +
                                       " WHERE " + quoted(column) + " IS NOT NULL");
            while (q.executeStep()) out.insert(q.getColumn(0).getString());
        }
    return out;
}

bool SqliteRetentionRepository::blobReferenced(const std::string& id) {
    auto& c = db_.connection();
    SchemaMap schema(c);
    for (const auto& [table, columns] : schema.blob_columns)
        for (const auto& column : columns) {
            SQLite::Statement q(c, "SELECT EXISTS (SELECT 1 FROM " + quoted(table) + " WHERE " +
                                       quoted(column) + " = ?)");
            q.bind(1, id);
            q.executeStep();
            if (q.getColumn(0).getInt() != 0) return true;
        }
    return false;
}

}  // namespace rxdesk::store
