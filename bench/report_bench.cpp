// Reports over a busy pharmacy's data: seeds a fresh database with N prescriptions spread
// over one year (2025; by default 100,000, "a year of a busy pharmacy"; 1,000,000 is ten
// times that), a share of them awaiting their original, a quarter counselled online with a
// guidance record, a third delivered by hand with a custody log and parcel items (some of a
// narcotic) and three audit entries each; then times every report over the year and over a
// month (model from the database, then PDF, then CSV).
//
// Baseline, per report and period: one bare SQL scan over the same rows (the same tables,
// the same WHERE, every column the report reads, no joins to other tables, nothing built),
// on its own connection with a warm cache — the least any report over those rows costs.
// Peak memory: VmHWM of this process, reset before each report (/proc/self/clear_refs).
//
//   bench_reports --dir DIR [--prescriptions N] [--no-year-pdf] [--reuse] [--only PREFIX]
//     --no-year-pdf  leave out the PDFs of the year-long guidance records (thousands of pages)
//     --reuse        keep the database DIR already holds from an earlier run with the same N
//     --only PREFIX  time only the reports whose label starts with PREFIX (for profiling)
//
// Prints one "key=value" line per figure (milliseconds, bytes, KiB), keys prefixed with the
// report and period ("fees_month_model_ms"); *_cpu_ms is this process's CPU time, steadier
// than wall-clock time on a shared machine. No timing is asserted.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "app/Services.h"
#include "auth/Principal.h"
#include "core/TokyoTime.h"
#include "reports/render/CsvRenderer.h"
#include "reports/render/PdfRenderer.h"

namespace {

using namespace rxdesk;

class FixedClock : public Clock {
public:
    explicit FixedClock(TimePoint t) : t_(t) {}
    TimePoint now() const override { return t_; }

private:
    TimePoint t_;
};

double millis(const std::function<void()>& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

// CPU time (user + system) of this process so far: on a shared machine it moves less than
// the wall-clock time.
double cpuMillis() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 +
           (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0;
}

// Peak resident memory since the last resetPeak(), in KiB (Linux).
long peakKib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}
void resetPeak() {
    std::ofstream("/proc/self/clear_refs") << "5";
}

// JAHIS prescriptions naming their drugs by claims code: an ordinary one, and one with a
// narcotic.
const char* kOrdinaryJahis =
    "JAHIS10\r\n1,1,1234567,13,ベンチ医院\r\n11,,ベンチ　患者,ﾍﾞﾝﾁ ｶﾝｼﾞｬ\r\n12,1\r\n"
    "13,19700101\r\n51,20250101\r\n101,1,1,,28\r\n111,1,1,,1日1回朝食後,1\r\n"
    "201,1,1,1,2,610000001,アムロジピン錠５ｍｇ,1,1,錠\r\n";
const char* kControlledJahis =
    "JAHIS10\r\n1,1,1234567,13,ベンチ医院\r\n11,,ベンチ　患者,ﾍﾞﾝﾁ ｶﾝｼﾞｬ\r\n12,1\r\n"
    "13,19700101\r\n51,20250101\r\n61,1234567,東京都,03\r\n101,1,1,,14\r\n"
    "111,1,1,,1日1回朝食後,1\r\n"
    "201,1,1,1,2,610000002,モルヒネ塩酸塩錠１０ｍｇ,1,1,錠\r\n"
    "201,1,2,1,2,610000001,アムロジピン錠５ｍｇ,1,1,錠\r\n";

constexpr int kPharmacists = 8;  // so that sessions of 10 minutes never overlap at 1,000,000
constexpr int kPatients = 20000;

void seed(SQLite::Database& db, int prescriptions, std::int64_t year_start) {
    SQLite::Transaction tx(db);
    // The no-overlap triggers of guidance_appointments look through the pharmacist's earlier
    // appointments on every insert: right for booking one, quadratic for loading a million.
    // The seed never overlaps; the triggers are put back as they were before committing.
    std::vector<std::pair<std::string, std::string>> triggers;
    {
        SQLite::Statement q(db,
                            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                            "tbl_name = 'guidance_appointments'");
        while (q.executeStep())
            triggers.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
    }
    for (const auto& [name, sql] : triggers) db.exec("DROP TRIGGER \"" + name + "\"");
    for (int u = 1; u <= kPharmacists; ++u)
        db.exec(
            "INSERT INTO users (id, login, display_name, role, password_hash, created_at) "
            "VALUES (" +
            std::to_string(u) + ", 'bench" + std::to_string(u) + "', 'ベンチ 薬剤師" +
            std::to_string(u) + "', 'pharmacist', 'x', 0)");
    db.exec(
        "INSERT INTO clinics (id, institution_code, name, original_deadline_days, created_at) "
        "VALUES (1, '1311111111', 'ベンチ医院', 14, 0)");
    db.exec(
        "INSERT INTO drug_master VALUES ('610000001', 'アムロジピン錠５ｍｇ', 'ｱﾑﾛ', '錠', 0, "
        "NULL), ('610000002', 'モルヒネ塩酸塩錠１０ｍｇ', 'ﾓﾙﾋﾈ', '錠', 1, NULL)");
    db.exec(
        "INSERT INTO drug_imports (data_set, imported_at, source_name, actor, accepted, "
        "rejected) VALUES ('claims_master', 0, 'bench', 'bench', 2, 0)");
    SQLite::Statement rx(db,
                         "INSERT INTO prescriptions (id, channel, status, original_state, "
                         "content_jahis, institution_code, prescription_number, issue_date, "
                         "patient_ref, patient_name, clinic_id, received_at, received_by, "
                         "dispensed_on, updated_at) VALUES (?, 'fax', 'completed', ?, ?, "
                         "'1311111111', ?, ?, ?, 'ベンチ 患者', 1, ?, 'bench', ?, ?)");
    SQLite::Statement appt(db,
                           "INSERT INTO guidance_appointments (id, prescription_id, patient_ref, "
                           "pharmacist_id, start_at, end_at, status, created_at, created_by, "
                           "updated_at) VALUES (?, ?, ?, ?, ?, ?, 'completed', 0, 'bench', 0)");
    SQLite::Statement rec(
        db,
        "INSERT INTO guidance_records VALUES (?, ?, ?, ?, ?, 'video', 1, 0, 'my_number_card', "
        "'', 1, 0, '', 0, 1, 1, 0, 0, 'effects,side_effects', 'completed', '', 1, 0, 0, NULL, "
        "'medication_management_online', 45, 'returned_with_notebook', "
        "'3か月以内の再来局でお薬手帳の提示あり', ?, 'bench')");
    SQLite::Statement ship(db,
                           "INSERT INTO shipments (id, prescription_id, patient_ref, method, "
                           "time_slot, recipient_name, recipient_postcode, recipient_address, "
                           "recipient_phone, country, ship_date, created_at, created_by) VALUES "
                           "(?, ?, ?, 'staff_hand_delivery', '1416', 'ベンチ 患者', '1500001', "
                           "'東京都渋谷区神宮前1-1-1', '03-0000-1111', 'JP', ?, 0, 'bench')");
    SQLite::Statement parcel(db,
                             "INSERT INTO parcels (id, shipment_id, seq, parcel_number, method, "
                             "temperature, needs_signature, needs_identity, marks, notes, "
                             "b2_handling, b2_remarks) VALUES (?, ?, 1, ?, "
                             "'staff_hand_delivery', 'room', 1, 1, 'recipient_only', '', '', "
                             "'')");
    SQLite::Statement item(db,
                           "INSERT INTO parcel_items (parcel_id, seq, name, amount, usage, "
                           "storage, claims_code) VALUES (?, ?, ?, ?, '１日１回朝食後', '', ?)");
    SQLite::Statement event(db,
                            "INSERT INTO parcel_events (parcel_id, kind, at, actor, "
                            "recipient_name, identity_check, signature_blob, failure_reason, "
                            "confirmation, celsius, decision, note) VALUES (?, ?, ?, ?, "
                            "'ベンチ 患者', 'my_number_card', '', '', '', NULL, '', '')");
    SQLite::Statement audit(db,
                            "INSERT INTO audit_log (at_ms, actor, action, object_type, object_id, "
                            "patient_ref, remote_addr, outcome, detail, prev_hash, hash) VALUES "
                            "(?, ?, 'prescription.read', 'prescription', ?, ?, '127.0.0.1', "
                            "'ok', '', '', '')");
    const auto run = [](SQLite::Statement& q) {
        q.exec();
        q.reset();
    };
    const std::int64_t step = std::int64_t(365) * 86400 / prescriptions;
    for (int i = 1; i <= prescriptions; ++i) {
        const std::int64_t at = year_start + std::int64_t(i) * step;
        const std::string patient = "pt-" + std::to_string(i % kPatients);
        const std::string day = formatDate(tokyoDate(fromUnixSeconds(at)));
        const int pharmacist = 1 + (i / 4) % kPharmacists;
        const std::string actor = "user:" + std::to_string(pharmacist);
        const bool controlled = i % 50 == 0;
        rx.bind(1, i);
        rx.bind(2, i % 30 == 0 ? "awaiting" : "matched");
        rx.bind(3, controlled ? kControlledJahis : kOrdinaryJahis);
        rx.bind(4, "RX-" + std::to_string(i));
        rx.bind(5, day);
        rx.bind(6, patient);
        rx.bind(7, at);
        rx.bind(8, day);
        rx.bind(9, at);
        run(rx);
        if (i % 4 == 0) {  // a quarter are counselled online
            appt.bind(1, i);
            appt.bind(2, i);
            appt.bind(3, patient);
            appt.bind(4, pharmacist);
            appt.bind(5, at);
            appt.bind(6, at + 600);
            run(appt);
            rec.bind(1, i);
            rec.bind(2, pharmacist);
            rec.bind(3, patient);
            rec.bind(4, at);
            rec.bind(5, at + 600);
            rec.bind(6, at + 700);
            run(rec);
        }
        if (i % 3 == 0) {  // a third are delivered by the pharmacy's staff
            ship.bind(1, i);
            ship.bind(2, i);
            ship.bind(3, patient);
            ship.bind(4, day);
            run(ship);
            parcel.bind(1, i);
            parcel.bind(2, i);
            parcel.bind(3, std::to_string(100000000000LL + i));
            run(parcel);
            int seq = 0;
            if (controlled) {
                item.bind(1, i);
                item.bind(2, ++seq);
                item.bind(3, "モルヒネ塩酸塩錠１０ｍｇ");
                item.bind(4, "14錠");
                item.bind(5, "610000002");
                run(item);
            }
            item.bind(1, i);
            item.bind(2, ++seq);
            item.bind(3, "アムロジピン錠５ｍｇ");
            item.bind(4, "28錠");
            item.bind(5, "610000001");
            run(item);
            for (const char* kind : {"packed", "out_with_staff", "delivered"}) {
                event.bind(1, i);
                event.bind(2, kind);
                event.bind(3, at + 3600);
                event.bind(4, actor);
                run(event);
            }
        }
        for (int k = 0; k < 3; ++k) {
            audit.bind(1, (at + k * 60) * 1000);
            audit.bind(2, actor);
            audit.bind(3, std::to_string(i));
            audit.bind(4, patient);
            run(audit);
        }
    }
    // The audit log continues after the seeded rows (the chain itself is not verified here).
    db.exec("INSERT INTO audit_chain_head (id, seq, hash) SELECT 1, MAX(seq), '' FROM audit_log");
    for (const auto& [name, sql] : triggers) db.exec(sql);
    tx.commit();
}

volatile std::size_t scanned_bytes = 0;  // keeps the baseline's reads from being optimised out

// Steps through every row of `sql` reading every column: the baseline scan.
double scan(SQLite::Database& db, const std::string& sql,
            const std::function<void(SQLite::Statement&)>& bind) {
    return millis([&] {
        SQLite::Statement q(db, sql);
        bind(q);
        std::size_t bytes = 0;
        while (q.executeStep())
            for (int c = 0; c < q.getColumnCount(); ++c) bytes += q.getColumn(c).getBytes();
        scanned_bytes = scanned_bytes + bytes;
    });
}

}  // namespace

static int runBench(int argc, char** argv) {
    std::string dir;
    int prescriptions = 100000;
    bool year_pdf = true;
    bool reuse = false;
    std::string only;
    for (int i = 1; i < argc; ++i) {
        const std::string key = argv[i];
        if (key == "--no-year-pdf") year_pdf = false;
        if (key == "--reuse") reuse = true;
        if (i + 1 >= argc) continue;
        if (key == "--dir") dir = argv[++i];
        if (key == "--prescriptions") prescriptions = std::stoi(argv[++i]);
        if (key == "--only") only = argv[++i];
    }
    if (dir.empty() || prescriptions < 1000) {
        std::cerr << "usage: bench_reports --dir DIR [--prescriptions N>=1000] [--no-year-pdf]\n";
        return 2;
    }
    const std::string seeded_marker = dir + "/seeded-" + std::to_string(prescriptions);
    reuse = reuse && std::filesystem::exists(seeded_marker);
    if (!reuse) std::filesystem::remove_all(dir);
    const Date first{std::chrono::year{2025}, std::chrono::month{1}, std::chrono::day{1}};
    const Date last{std::chrono::year{2025}, std::chrono::month{12}, std::chrono::day{31}};
    const Date june{std::chrono::year{2025}, std::chrono::month{6}, std::chrono::day{1}};
    const Date june_end{std::chrono::year{2025}, std::chrono::month{6}, std::chrono::day{30}};
    FixedClock clock(
        tokyoTime(Date{std::chrono::year{2026}, std::chrono::month{1}, std::chrono::day{10}}));
    app::Settings settings;
    settings.data_dir = dir;
    settings.durability = store::Durability::Normal;
    app::Services services(settings, clock);
    std::cout << "prescriptions=" << prescriptions << "\n";
    if (!reuse) {
        SQLite::Database db(settings.databasePath(), SQLite::OPEN_READWRITE);
        // A large page cache, as for any bulk load: the seeding, not the reports, is timed.
        db.exec("PRAGMA cache_size = -262144");
        std::cout << "seed_ms=" << millis([&] {
            seed(db, prescriptions, unixSeconds(tokyoTime(first)));
        }) << "\n";
        std::cout << "analyze_ms=" << millis([&] { db.exec("ANALYZE"); }) << "\n";
        std::ofstream{seeded_marker};
    }
    {
        // Reports start from a checkpointed database, as on a server that has run a while: the
        // first report's commit must not pay for checkpointing the whole seed.
        SQLite::Database db(settings.databasePath(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::cout << "database_bytes=" << std::filesystem::file_size(settings.databasePath()) << "\n";
    // Resetting VmHWM also resets getrusage's maximum: the process's peak is kept here.
    long process_peak = peakKib();
    std::cout << "seed_peak_kib=" << process_peak << "\n";

    SQLite::Database baseline_db(settings.databasePath(), SQLite::OPEN_READONLY);
    const auth::Caller caller{auth::Principal::system("bench"), "local"};
    const reports::PdfRenderer pdf;
    const reports::CsvRenderer csv;
    // One report: baseline scan (twice, the second timed, so its cache is as warm as the
    // report's), model, PDF, CSV, peak memory.
    const auto time = [&](const std::string& label, const reporting::ReportRequest& request,
                          const std::function<double()>& baseline, bool with_pdf) {
        if (label.rfind(only, 0) != 0) return;
        baseline();
        const double base_ms = baseline();
        malloc_trim(0);  // what earlier reports freed does not count as this one's peak
        resetPeak();
        reports::Report report;
        const double cpu_before = cpuMillis();
        const double model = millis([&] { report = services.reports().generate(request, caller); });
        const double model_cpu = cpuMillis() - cpu_before;
        std::size_t rows = 0;
        for (const auto& s : report.sections) rows += s.rows.size() + s.fields.size();
        const auto put = [&](const std::string& key, auto value) {
            std::cout << label << "_" << key << "=" << value << "\n";
        };
        put("baseline_ms", base_ms);
        put("model_ms", model);
        put("model_cpu_ms", model_cpu);
        put("sections", report.sections.size());
        put("lines", rows);
        if (with_pdf) {
            std::size_t pdf_bytes = 0;
            const double pdf_cpu_before = cpuMillis();
            const double pdf_ms = millis([&] { pdf_bytes = pdf.render(report).size(); });
            put("pdf_cpu_ms", cpuMillis() - pdf_cpu_before);
            put("pdf_ms", pdf_ms);
            put("pdf_bytes", pdf_bytes);
        }
        std::size_t csv_bytes = 0;
        const double csv_ms = millis([&] { csv_bytes = csv.render(report).size(); });
        put("csv_ms", csv_ms);
        put("csv_bytes", csv_bytes);
        const long peak = peakKib();
        process_peak = std::max(process_peak, peak);
        put("peak_kib", peak);
    };
    const auto period = [](const std::string& name, Date from, Date to) {
        reporting::ReportRequest r;
        r.name = name;
        r.from = from;
        r.to = to;
        return r;
    };
    const auto secondsOf = [](Date d) { return unixSeconds(tokyoTime(d)); };
    const auto dayAfter = [](Date d) {
        return Date{std::chrono::sys_days(d) + std::chrono::days{1}};
    };

    for (const auto& [tag, from, to] : {std::tuple{std::string("year"), first, last},
                                        std::tuple{std::string("month"), june, june_end}}) {
        const std::int64_t from_s = secondsOf(from);
        const std::int64_t to_s = secondsOf(dayAfter(to));
        const auto range = [&](SQLite::Statement& q) {
            q.bind(1, from_s);
            q.bind(2, to_s);
        };
        time(
            "outstanding_originals_" + tag, period("outstanding-originals", from, to),
            [&] {
                return scan(baseline_db,
                            "SELECT id, status, clinic_id, institution_code, patient_name, "
                            "patient_ref, prescription_number, issue_date, dispensed_on, "
                            "received_at FROM prescriptions WHERE original_state = 'awaiting' "
                            "AND received_at >= ? AND received_at < ?",
                            range);
            },
            true);
        time(
            "guidance_records_" + tag, period("guidance-records", from, to),
            [&] {
                return scan(baseline_db,
                            "SELECT * FROM guidance_records WHERE started_at >= ? AND "
                            "started_at < ?",
                            range);
            },
            tag == "month" || year_pdf);
        time(
            "controlled_handovers_" + tag, period("controlled-handovers", from, to),
            [&] {
                return scan(baseline_db,
                            "SELECT e.*, i.* FROM parcel_events e JOIN parcel_items i ON "
                            "i.parcel_id = e.parcel_id WHERE e.kind = 'delivered' AND e.at >= ? "
                            "AND e.at < ?",
                            range);
            },
            true);
        auto audit = period("audit-extract", from, to);
        audit.patient_ref = "pt-42";
        time(
            "audit_extract_" + tag, audit,
            [&] {
                return scan(baseline_db,
                            "SELECT * FROM audit_log WHERE patient_ref = 'pt-42' AND at_ms >= ? "
                            "AND at_ms < ?",
                            [&](SQLite::Statement& q) {
                                q.bind(1, from_s * 1000);
                                q.bind(2, to_s * 1000);
                            });
            },
            true);
    }
    reporting::ReportRequest fees;
    fees.name = "fees";
    fees.month = std::chrono::year{2025} / std::chrono::month{6};
    time(
        "fees_month", fees,
        [&] {
            return scan(baseline_db,
                        "SELECT * FROM guidance_records WHERE started_at >= ? AND started_at < ?",
                        [&](SQLite::Statement& q) {
                            q.bind(1, secondsOf(june));
                            q.bind(2, secondsOf(dayAfter(june_end)));
                        });
        },
        true);
    reporting::ReportRequest route;
    route.name = "route-sheet";
    route.date = Date{std::chrono::year{2025}, std::chrono::month{6}, std::chrono::day{2}};
    time(
        "route_sheet_day", route,
        [&] {
            return scan(baseline_db,
                        "SELECT s.*, p.*, i.* FROM shipments s JOIN parcels p ON p.shipment_id "
                        "= s.id JOIN parcel_items i ON i.parcel_id = p.id WHERE s.ship_date = "
                        "'2025-06-02'",
                        [](SQLite::Statement&) {});
        },
        true);
    std::cout << "process_peak_kib=" << std::max(process_peak, peakKib()) << "\n";
    return 0;
}

int main(int argc, char** argv) {
    try {
        return runBench(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "bench_reports: " << e.what() << "\n";
        return 1;
    }
}
