#include "store/SqlitePrescriptionRepository.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "jahis/JahisParser.h"
#include "jahis/JahisWriter.h"
#include "store/SqliteErrors.h"
#include "store/SqliteValues.h"

namespace rxdesk::store {
namespace {

using intake::PrescriptionRecord;

constexpr const char* kColumns =
    "id, channel, status, held_from, original_state, version, content_jahis, initial_visit, "
    "conditions_known, institution_code, prescription_number, issue_date, patient_ref, "
    "patient_name, match_key, clinic_id, client_id, client_reference, request_hash, "
    "source_sha256, sender_fax, eprescription_id, received_at, received_by, duplicate_of, "
    "misdirected_at, dispensed_on, completed_at, updated_at, dispensing_result_id, "
    "dispensing_result_at";

std::string contentText(const PrescriptionRecord& r) {
    return r.content ? jahis::JahisWriter::write(*r.content) : "";
}

// Binds every mutable and identifying column in kColumns order, starting at 1 for channel.
void bindRecord(SQLite::Statement& q, const PrescriptionRecord& r) {
    q.bind(1, std::string(prescription::name(r.channel)));
    q.bind(2, r.status);
    bindOptional(q, 3, r.held_from);
    bindOptional(q, 4, r.original_state);
    bindText(q, 5, contentText(r));
    bindBool(q, 6, r.content ? r.content->online.initial_visit : std::nullopt);
    bindBool(q, 7, r.content ? r.content->online.underlying_conditions_known : std::nullopt);
    bindText(q, 8, r.institution_code);
    bindText(q, 9, r.prescription_number);
    bindText(q, 10, r.issue_date);
    bindText(q, 11, r.patient_ref);
    bindText(q, 12, r.patient_name);
    bindText(q, 13, r.match_key);
    bindOptional(q, 14, r.clinic_id);
    bindOptional(q, 15, r.client_id);
    bindText(q, 16, r.client_reference);
    bindText(q, 17, r.request_hash);
    bindText(q, 18, r.source_sha256);
    bindText(q, 19, r.sender_fax);
    bindText(q, 20, r.eprescription_id);
    q.bind(21, r.received_at);
    q.bind(22, r.received_by);
    bindOptional(q, 23, r.duplicate_of);
    bindOptional(q, 24, r.misdirected_at);
    bindText(q, 25, r.dispensed_on);
    bindOptional(q, 26, r.completed_at);
    q.bind(27, r.updated_at);
    bindText(q, 28, r.dispensing_result_id);
    bindOptional(q, 29, r.dispensing_result_at);
}

PrescriptionRecord rowToRecord(SQLite::Statement& q) {
    PrescriptionRecord r;
    r.id = q.getColumn(0).getInt64();
    r.channel =
        prescription::parseChannel(q.getColumn(1).getString()).value_or(prescription::Channel::Fax);
    r.status = q.getColumn(2).getString();
    r.held_from = optionalText(q, 3);
    r.original_state = optionalText(q, 4);
    r.version = q.getColumn(5).getInt64();
    std::string content = text(q, 6);
    if (!content.empty()) {
        auto parsed = jahis::JahisParser::parse(content);
        r.content = parsed.prescription;
        if (r.content) {
            if (auto v = optionalInt(q, 7)) r.content->online.initial_visit = *v != 0;
            if (auto v = optionalInt(q, 8)) r.content->online.underlying_conditions_known = *v != 0;
        }
    }
    r.institution_code = text(q, 9);
    r.prescription_number = text(q, 10);
    r.issue_date = text(q, 11);
    r.patient_ref = text(q, 12);
    r.patient_name = text(q, 13);
    r.match_key = text(q, 14);
    r.clinic_id = optionalInt(q, 15);
    r.client_id = optionalInt(q, 16);
    r.client_reference = text(q, 17);
    r.request_hash = text(q, 18);
    r.source_sha256 = text(q, 19);
    r.sender_fax = text(q, 20);
    r.eprescription_id = text(q, 21);
    r.received_at = q.getColumn(22).getInt64();
    r.received_by = q.getColumn(23).getString();
    r.duplicate_of = optionalInt(q, 24);
    r.misdirected_at = optionalInt(q, 25);
    r.dispensed_on = text(q, 26);
    r.completed_at = optionalInt(q, 27);
    r.updated_at = q.getColumn(28).getInt64();
    r.dispensing_result_id = text(q, 29);
    r.dispensing_result_at = optionalInt(q, 30);
    return r;
}

prescription::Severity parseSeverity(const std::string& s) {
    if (s == "error") return prescription::Severity::Error;
    if (s == "warning") return prescription::Severity::Warning;
    return prescription::Severity::Info;
}

void insertFinding(Database& db, std::int64_t id, const prescription::Finding& f) {
    auto q_statement = db.statement(
        "INSERT INTO prescription_findings (prescription_id, code, severity, message, "
        "evidence) VALUES (?, ?, ?, ?, ?)");
    SQLite::Statement& q = *q_statement;
    q.bind(1, id);
    q.bind(2, f.code);
    q.bind(3, std::string(prescription::toString(f.severity)));
    q.bind(4, f.message);
    q.bind(5, f.evidence);
    q.exec();
}

}  // namespace

std::int64_t SqlitePrescriptionRepository::insert(const PrescriptionRecord& r) {
    auto& c = db_.connection();
    auto q_statement = db_.statement(
        "INSERT INTO prescriptions (channel, status, held_from, original_state, "
        "content_jahis, initial_visit, conditions_known, institution_code, "
        "prescription_number, issue_date, patient_ref, patient_name, match_key, "
        "clinic_id, client_id, client_reference, request_hash, source_sha256, "
        "sender_fax, eprescription_id, received_at, received_by, duplicate_of, "
        "misdirected_at, dispensed_on, completed_at, updated_at, dispensing_result_id, "
        "dispensing_result_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement& q = *q_statement;
    bindRecord(q, r);
    try {
        q.exec();
    } catch (const SQLite::Exception& e) {
        if (isUniqueViolation(e))
            throw Error(ErrorKind::Conflict, "reference_reused",
                        "この参照番号は別の内容の処方箋に使われています", "client_reference");
        throw;
    }
    std::int64_t id = c.getLastInsertRowid();
    addPages(id, r.pages);
    for (const auto& f : r.findings) insertFinding(db_, id, f.finding);
    return id;
}

void SqlitePrescriptionRepository::loadChildren(PrescriptionRecord& r) {
    auto pages_statement = db_.statement(
        "SELECT kind, page_no, blob_id, preview_blob_id, media_type FROM "
        "prescription_pages WHERE prescription_id = ? ORDER BY kind, page_no");
    SQLite::Statement& pages = *pages_statement;
    pages.bind(1, r.id);
    while (pages.executeStep())
        r.pages.push_back(
            intake::PageRecord{pages.getColumn(0).getString(), pages.getColumn(1).getInt(),
                               pages.getColumn(2).getString(), pages.getColumn(3).getString(),
                               pages.getColumn(4).getString()});
    auto findings_statement = db_.statement(
        "SELECT id, code, severity, message, evidence, resolved_at, resolved_by, "
        "resolution FROM prescription_findings WHERE prescription_id = ? ORDER BY id");
    SQLite::Statement& findings = *findings_statement;
    findings.bind(1, r.id);
    while (findings.executeStep()) {
        intake::FindingRecord f;
        f.id = findings.getColumn(0).getInt64();
        f.finding = prescription::Finding{
            findings.getColumn(1).getString(), parseSeverity(findings.getColumn(2).getString()),
            findings.getColumn(3).getString(), findings.getColumn(4).getString()};
        f.resolved_at = optionalInt(findings, 5);
        f.resolved_by = text(findings, 6);
        f.resolution = text(findings, 7);
        r.findings.push_back(f);
    }
}

std::optional<PrescriptionRecord> SqlitePrescriptionRepository::find(std::int64_t id) {
    auto q_statement =
        db_.statement(std::string("SELECT ") + kColumns + " FROM prescriptions WHERE id = ?");
    SQLite::Statement& q = *q_statement;
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    PrescriptionRecord r = rowToRecord(q);
    loadChildren(r);
    return r;
}

std::optional<PrescriptionRecord> SqlitePrescriptionRepository::findByClientReference(
    std::int64_t client_id, const std::string& reference) {
    auto q_statement =
        db_.statement("SELECT id FROM prescriptions WHERE client_id = ? AND client_reference = ?");
    SQLite::Statement& q = *q_statement;
    q.bind(1, client_id);
    q.bind(2, reference);
    if (!q.executeStep()) return std::nullopt;
    return find(q.getColumn(0).getInt64());
}

std::optional<std::int64_t> SqlitePrescriptionRepository::findOriginalOf(
    const std::string& source_sha256, const std::string& match_key, std::int64_t excluding_id) {
    // One indexed lookup per key (an OR across both columns would scan the whole table on
    // every arrival); the earliest of the two answers is the original.
    auto earliest = [&](const char* sql, const std::string& key) -> std::optional<std::int64_t> {
        if (key.empty()) return std::nullopt;
        auto q = db_.statement(sql);
        q->bind(1, key);
        q->bind(2, excluding_id);
        if (!q->executeStep()) return std::nullopt;
        return q->getColumn(0).getInt64();
    };
    auto by_source = earliest(
        "SELECT id FROM prescriptions WHERE source_sha256 = ? AND id <> ? AND duplicate_of IS NULL "
        "AND misdirected_at IS NULL ORDER BY id LIMIT 1",
        source_sha256);
    auto by_match = earliest(
        "SELECT id FROM prescriptions WHERE match_key = ? AND id <> ? AND duplicate_of IS NULL "
        "AND misdirected_at IS NULL ORDER BY id LIMIT 1",
        match_key);
    if (by_source && by_match) return std::min(*by_source, *by_match);
    return by_source ? by_source : by_match;
}

bool SqlitePrescriptionRepository::update(const PrescriptionRecord& r,
                                          std::int64_t expected_version) {
    auto q_statement = db_.statement(
        "UPDATE prescriptions SET channel = ?, status = ?, held_from = ?, "
        "original_state = ?, content_jahis = ?, initial_visit = ?, conditions_known = ?, "
        "institution_code = ?, prescription_number = ?, issue_date = ?, patient_ref = ?, "
        "patient_name = ?, match_key = ?, clinic_id = ?, client_id = ?, "
        "client_reference = ?, request_hash = ?, source_sha256 = ?, sender_fax = ?, "
        "eprescription_id = ?, received_at = ?, received_by = ?, duplicate_of = ?, "
        "misdirected_at = ?, dispensed_on = ?, completed_at = ?, updated_at = ?, "
        "dispensing_result_id = ?, dispensing_result_at = ?, "
        "version = version + 1 WHERE id = ? AND version = ?");
    SQLite::Statement& q = *q_statement;
    bindRecord(q, r);
    q.bind(30, r.id);
    q.bind(31, expected_version);
    return q.exec() == 1;
}

void SqlitePrescriptionRepository::replaceFindings(
    std::int64_t id, const std::vector<prescription::Finding>& findings) {
    // Resolutions of findings that are still raised are kept: only findings that went away
    // are removed, new ones are added.
    std::vector<std::pair<std::string, std::string>> wanted;
    for (const auto& f : findings) wanted.emplace_back(f.code, f.evidence);
    auto existing_statement = db_.statement(
        "SELECT id, code, evidence FROM prescription_findings WHERE prescription_id = ?");
    SQLite::Statement& existing = *existing_statement;
    existing.bind(1, id);
    std::vector<std::int64_t> stale;
    std::vector<std::pair<std::string, std::string>> present;
    while (existing.executeStep()) {
        std::pair<std::string, std::string> key{existing.getColumn(1).getString(),
                                                existing.getColumn(2).getString()};
        if (std::find(wanted.begin(), wanted.end(), key) == wanted.end())
            stale.push_back(existing.getColumn(0).getInt64());
        else
            present.push_back(key);
    }
    for (auto stale_id : stale) {
        auto d_statement = db_.statement("DELETE FROM prescription_findings WHERE id = ?");
        SQLite::Statement& d = *d_statement;
        d.bind(1, stale_id);
        d.exec();
    }
    for (const auto& f : findings)
        if (std::find(present.begin(), present.end(), std::make_pair(f.code, f.evidence)) ==
            present.end())
            insertFinding(db_, id, f);
}

bool SqlitePrescriptionRepository::resolveFinding(std::int64_t id, std::int64_t finding_id,
                                                  std::int64_t at, const std::string& by,
                                                  const std::string& resolution) {
    auto q_statement = db_.statement(
        "UPDATE prescription_findings SET resolved_at = ?, resolved_by = ?, resolution = ? "
        "WHERE id = ? AND prescription_id = ?");
    SQLite::Statement& q = *q_statement;
    q.bind(1, at);
    q.bind(2, by);
    q.bind(3, resolution);
    q.bind(4, finding_id);
    q.bind(5, id);
    return q.exec() == 1;
}

void SqlitePrescriptionRepository::addPages(std::int64_t id,
                                            const std::vector<intake::PageRecord>& pages) {
    for (const auto& p : pages) {
        auto q_statement = db_.statement(
            "INSERT INTO prescription_pages (prescription_id, kind, page_no, blob_id, "
            "preview_blob_id, media_type) VALUES (?, ?, ?, ?, ?, ?)");
        SQLite::Statement& q = *q_statement;
        q.bind(1, id);
        q.bind(2, p.kind);
        q.bind(3, p.page_no);
        q.bind(4, p.blob_id);
        q.bind(5, p.preview_blob_id);
        q.bind(6, p.media_type);
        q.exec();
    }
}

void SqlitePrescriptionRepository::addEvent(std::int64_t id, const intake::EventRecord& e) {
    auto q_statement = db_.statement(
        "INSERT INTO prescription_events (prescription_id, at, actor, action, from_state, "
        "to_state, note) VALUES (?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement& q = *q_statement;
    q.bind(1, id);
    q.bind(2, e.at);
    q.bind(3, e.actor);
    q.bind(4, e.action);
    bindText(q, 5, e.from_state);
    bindText(q, 6, e.to_state);
    q.bind(7, e.note);
    q.exec();
}

std::vector<intake::EventRecord> SqlitePrescriptionRepository::events(std::int64_t id) {
    auto q_statement = db_.statement(
        "SELECT at, actor, action, from_state, to_state, note FROM prescription_events "
        "WHERE prescription_id = ? ORDER BY at, id");
    SQLite::Statement& q = *q_statement;
    q.bind(1, id);
    std::vector<intake::EventRecord> out;
    while (q.executeStep())
        out.push_back(intake::EventRecord{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                                          q.getColumn(2).getString(), text(q, 3), text(q, 4),
                                          q.getColumn(5).getString()});
    return out;
}

std::vector<PrescriptionRecord> SqlitePrescriptionRepository::list(const intake::QueueFilter& f) {
    std::string sql = std::string("SELECT ") + kColumns + " FROM prescriptions WHERE 1 = 1";
    std::vector<std::string> args;
    if (!f.statuses.empty()) {
        sql += " AND status IN (";
        for (size_t i = 0; i < f.statuses.size(); ++i) {
            sql += i ? ", ?" : "?";
            args.push_back(f.statuses[i]);
        }
        sql += ")";
    } else if (!f.include_misdirected) {
        sql += " AND status NOT IN ('misdirected', 'completed', 'cancelled')";
    }
    if (!f.include_misdirected) sql += " AND misdirected_at IS NULL";
    if (!f.include_duplicates) sql += " AND duplicate_of IS NULL";
    if (f.channel) {
        sql += " AND channel = ?";
        args.push_back(std::string(prescription::name(*f.channel)));
    }
    if (!f.patient_name_prefix.empty()) {
        sql += " AND patient_name LIKE ? ESCAPE '\\'";
        std::string escaped;
        for (char ch : f.patient_name_prefix) {
            if (ch == '%' || ch == '_' || ch == '\\') escaped += '\\';
            escaped += ch;
        }
        args.push_back(escaped + "%");
    }
    if (f.before_id > 0) {
        sql += " AND id < ?";
        args.push_back(std::to_string(f.before_id));
    }
    sql += " ORDER BY id DESC LIMIT " + std::to_string(std::clamp(f.limit, 1, 500));
    SQLite::Statement q(db_.connection(), sql);
    for (size_t i = 0; i < args.size(); ++i) q.bind(int(i + 1), args[i]);
    std::vector<PrescriptionRecord> out;
    while (q.executeStep()) out.push_back(rowToRecord(q));
    for (auto& r : out) loadChildren(r);
    return out;
}

std::int64_t SqlitePrescriptionRepository::changeSequence() {
    // Kept by the triggers of schema/0011_queue_changes.sql.
    auto q = db_.statement("SELECT seq FROM queue_changes WHERE id = 1");
    q->executeStep();
    return q->getColumn(0).getInt64();
}

namespace {

void insertFaxNumbers(Database& db, std::int64_t clinic_id,
                      const std::vector<std::string>& numbers) {
    for (const auto& fax : numbers) {
        auto f_statement =
            db.statement("INSERT INTO clinic_fax_numbers (fax_number, clinic_id) VALUES (?, ?)");
        SQLite::Statement& f = *f_statement;
        f.bind(1, fax);
        f.bind(2, clinic_id);
        try {
            f.exec();
        } catch (const SQLite::Exception& e) {
            if (isUniqueViolation(e))
                throw Error(ErrorKind::Conflict, "fax_number_taken",
                            "その FAX 番号は別の医療機関に登録済みです", "fax_numbers");
            throw;
        }
    }
}

}  // namespace

std::int64_t SqliteClinicRepository::insert(const intake::Clinic& clinic) {
    auto& c = db_.connection();
    auto q_statement = db_.statement(
        "INSERT INTO clinics (institution_code, name, original_deadline_days, created_at) "
        "VALUES (?, ?, ?, strftime('%s', 'now'))");
    SQLite::Statement& q = *q_statement;
    q.bind(1, clinic.institution_code);
    q.bind(2, clinic.name);
    bindOptional(q, 3, clinic.original_deadline_days);
    try {
        q.exec();
    } catch (const SQLite::Exception& e) {
        if (isUniqueViolation(e))
            throw Error(ErrorKind::Conflict, "clinic_exists", "その医療機関コードは登録済みです",
                        "institution_code");
        throw;
    }
    std::int64_t id = c.getLastInsertRowid();
    insertFaxNumbers(db_, id, clinic.fax_numbers);
    return id;
}

std::optional<intake::Clinic> SqliteClinicRepository::findWhere(const std::string& where,
                                                                const std::string& value) {
    // `where` is one of this file's fixed conditions, so the cache stays small.
    auto q_statement = db_.statement(
        "SELECT id, institution_code, name, original_deadline_days, active FROM clinics WHERE " +
        where);
    SQLite::Statement& q = *q_statement;
    q.bind(1, value);
    if (!q.executeStep()) return std::nullopt;
    intake::Clinic clinic;
    clinic.id = q.getColumn(0).getInt64();
    clinic.institution_code = q.getColumn(1).getString();
    clinic.name = q.getColumn(2).getString();
    if (!q.getColumn(3).isNull()) clinic.original_deadline_days = q.getColumn(3).getInt();
    clinic.active = q.getColumn(4).getInt() != 0;
    auto f_statement = db_.statement(
        "SELECT fax_number FROM clinic_fax_numbers WHERE clinic_id = ? ORDER BY fax_number");
    SQLite::Statement& f = *f_statement;
    f.bind(1, clinic.id);
    while (f.executeStep()) clinic.fax_numbers.push_back(f.getColumn(0).getString());
    return clinic;
}

std::optional<intake::Clinic> SqliteClinicRepository::findByInstitutionCode(
    const std::string& code) {
    // A prescription may print the 7-digit code only; the registry keeps the 10-digit one.
    if (code.size() == 7) return findWhere("substr(institution_code, -7) = ?", code);
    return findWhere("institution_code = ?", code);
}

std::optional<intake::Clinic> SqliteClinicRepository::findByFaxNumber(const std::string& number) {
    if (number.empty()) return std::nullopt;
    return findWhere(
        "id = (SELECT clinic_id FROM clinic_fax_numbers WHERE fax_number = ?) AND active = 1",
        number);
}

std::optional<intake::Clinic> SqliteClinicRepository::find(std::int64_t id) {
    return findWhere("id = ?", std::to_string(id));
}

std::vector<intake::Clinic> SqliteClinicRepository::list() {
    std::vector<std::int64_t> ids;
    auto q_statement = db_.statement("SELECT id FROM clinics ORDER BY name");
    SQLite::Statement& q = *q_statement;
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
    std::vector<intake::Clinic> out;
    for (auto id : ids) out.push_back(*find(id));
    return out;
}

bool SqliteClinicRepository::update(const intake::Clinic& clinic) {
    auto q_statement = db_.statement(
        "UPDATE clinics SET name = ?, original_deadline_days = ?, active = ?, "
        "updated_at = strftime('%s', 'now') WHERE id = ?");
    SQLite::Statement& q = *q_statement;
    q.bind(1, clinic.name);
    bindOptional(q, 2, clinic.original_deadline_days);
    q.bind(3, clinic.active ? 1 : 0);
    q.bind(4, clinic.id);
    if (q.exec() == 0) return false;
    // The set is replaced: a number dropped here is free for another clinic.
    auto d_statement = db_.statement("DELETE FROM clinic_fax_numbers WHERE clinic_id = ?");
    SQLite::Statement& d = *d_statement;
    d.bind(1, clinic.id);
    d.exec();
    insertFaxNumbers(db_, clinic.id, clinic.fax_numbers);
    return true;
}

}  // namespace rxdesk::store
