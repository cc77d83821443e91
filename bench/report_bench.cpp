// Reports over a year of a busy pharmacy: seeds a fresh database with ≈100,000 prescriptions
// (a share of them awaiting their original), a year of guidance records, shipments with
// hand-overs (some of controlled drugs) and a large audit log, then times each report for
// the whole year (model from the database, then PDF and CSV). Baseline: the same query
// without the report indexes of schema/0007 (dropped afterwards), so the ratio shows what
// the indexes buy.
//
//   bench_reports --dir DIR [--prescriptions N]
//
// Prints one "key=value" line per figure (milliseconds). No timing is asserted.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>

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

// A JAHIS prescription naming one narcotic and one ordinary drug by claims code.
const char* kControlledJahis =
    "JAHIS10\r\n1,1,1234567,13,ベンチ医院\r\n11,,ベンチ　患者,ﾍﾞﾝﾁ ｶﾝｼﾞｬ\r\n12,1\r\n"
    "13,19700101\r\n51,20260101\r\n101,1,1,,14\r\n111,1,1,,1日1回朝食後,1\r\n"
    "201,1,1,1,2,610000002,モルヒネ塩酸塩錠１０ｍｇ,1,1,錠\r\n"
    "201,1,2,1,2,610000001,アムロジピン錠５ｍｇ,1,1,錠\r\n";

void seed(SQLite::Database& db, int prescriptions, std::int64_t year_start) {
    SQLite::Transaction tx(db);
    db.exec(
        "INSERT INTO users (id, login, display_name, role, password_hash, created_at) "
        "VALUES (1, 'bench', 'ベンチ 薬剤師', 'pharmacist', 'x', 0)");
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
                         "content_jahis, patient_ref, patient_name, clinic_id, received_at, "
                         "received_by, dispensed_on, updated_at) VALUES (?, 'fax', 'completed', "
                         "?, ?, ?, 'ベンチ 患者', 1, ?, 'bench', ?, ?)");
    SQLite::Statement appt(db,
                           "INSERT INTO guidance_appointments (id, prescription_id, patient_ref, "
                           "pharmacist_id, start_at, end_at, status, created_at, created_by, "
                           "updated_at) VALUES (?, ?, ?, 1, ?, ?, 'completed', 0, 'bench', 0)");
    SQLite::Statement rec(
        db,
        "INSERT INTO guidance_records VALUES (?, 1, ?, ?, ?, 'video', 1, 0, 'none', '', 1, 0, "
        "'', 0, 1, 1, 0, 0, 'effects', 'completed', '', 1, 0, 0, NULL, "
        "'medication_management_online', 45, 'returned_with_notebook', '再来局', ?, 'bench')");
    SQLite::Statement ship(db,
                           "INSERT INTO shipments (id, prescription_id, patient_ref, method, "
                           "time_slot, recipient_name, recipient_postcode, recipient_address, "
                           "recipient_phone, country, ship_date, created_at, created_by) VALUES "
                           "(?, ?, ?, 'staff_hand_delivery', '', 'ベンチ 患者', '1500001', "
                           "'東京都', '03', 'JP', ?, 0, 'bench')");
    SQLite::Statement parcel(db,
                             "INSERT INTO parcels (id, shipment_id, seq, parcel_number, method, "
                             "temperature, needs_signature, needs_identity, marks, notes, "
                             "b2_handling, b2_remarks) VALUES (?, ?, 1, ?, "
                             "'staff_hand_delivery', 'room', 1, 1, '', '', '', '')");
    SQLite::Statement event(db,
                            "INSERT INTO parcel_events (parcel_id, kind, at, actor, "
                            "recipient_name, identity_check, signature_blob, failure_reason, "
                            "confirmation, celsius, decision, note) VALUES (?, ?, ?, 'user:1', "
                            "'ベンチ 患者', 'my_number_card', '', '', '', NULL, '', '')");
    SQLite::Statement audit(db,
                            "INSERT INTO audit_log (at_ms, actor, action, object_type, object_id, "
                            "patient_ref, remote_addr, outcome, detail, prev_hash, hash) VALUES "
                            "(?, 'user:1', 'prescription.read', 'prescription', ?, ?, '127.0.0.1', "
                            "'ok', '', '', '')");
    const auto run = [](SQLite::Statement& q) {
        q.exec();
        q.reset();
    };
    const std::int64_t step = 365 * 86400 / prescriptions;
    for (int i = 1; i <= prescriptions; ++i) {
        const std::int64_t at = year_start + std::int64_t(i) * step;
        const std::string patient = "pt-" + std::to_string(i % 20000);
        const std::string day = formatDate(tokyoDate(fromUnixSeconds(at)));
        const bool controlled = i % 50 == 0;
        rx.bind(1, i);
        if (i % 30 == 0)
            rx.bind(2, "awaiting");
        else
            rx.bind(2, "matched");
        if (controlled)
            rx.bind(3, kControlledJahis);
        else
            rx.bind(3);
        rx.bind(4, patient);
        rx.bind(5, at);
        rx.bind(6, day);
        rx.bind(7, at);
        run(rx);
        if (i % 4 == 0) {  // a quarter are counselled online
            appt.bind(1, i);
            appt.bind(2, i);
            appt.bind(3, patient);
            appt.bind(4, at);
            appt.bind(5, at + 600);
            run(appt);
            rec.bind(1, i);
            rec.bind(2, patient);
            rec.bind(3, at);
            rec.bind(4, at + 600);
            rec.bind(5, at + 700);
            run(rec);
        }
        if (i % 3 == 0) {  // a third are delivered
            ship.bind(1, i);
            ship.bind(2, i);
            ship.bind(3, patient);
            ship.bind(4, day);
            run(ship);
            parcel.bind(1, i);
            parcel.bind(2, i);
            parcel.bind(3, std::to_string(100000000000LL + i));
            run(parcel);
            for (const char* kind : {"packed", "out_with_staff", "delivered"}) {
                event.bind(1, i);
                event.bind(2, kind);
                event.bind(3, at + 3600);
                run(event);
            }
        }
        for (int k = 0; k < 3; ++k) {
            audit.bind(1, (at + k * 60) * 1000);
            audit.bind(2, std::to_string(i));
            audit.bind(3, patient);
            run(audit);
        }
    }
    // The audit log continues after the seeded rows (the chain itself is not verified here).
    db.exec("INSERT INTO audit_chain_head (id, seq, hash) SELECT 1, MAX(seq), '' FROM audit_log");
    tx.commit();
}

}  // namespace

static int runBench(int argc, char** argv) {
    std::string dir;
    int prescriptions = 100000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        if (key == "--dir") dir = argv[i + 1];
        if (key == "--prescriptions") prescriptions = std::stoi(argv[i + 1]);
    }
    if (dir.empty()) {
        std::cerr << "usage: bench_reports --dir DIR [--prescriptions N]\n";
        return 2;
    }
    std::filesystem::remove_all(dir);
    const Date first{std::chrono::year{2025}, std::chrono::month{1}, std::chrono::day{1}};
    const Date last{std::chrono::year{2025}, std::chrono::month{12}, std::chrono::day{31}};
    FixedClock clock(
        tokyoTime(Date{std::chrono::year{2026}, std::chrono::month{1}, std::chrono::day{10}}));
    app::Settings settings;
    settings.data_dir = dir;
    settings.durability = store::Durability::Normal;
    app::Services services(settings, clock);
    {
        SQLite::Database db(settings.databasePath(), SQLite::OPEN_READWRITE);
        std::cout << "seed_ms=" << millis([&] {
            seed(db, prescriptions, unixSeconds(tokyoTime(first)));
        }) << "\n";
        db.exec("ANALYZE");
    }
    const auth::Caller caller{auth::Principal::system("bench"), "local"};
    const reports::PdfRenderer pdf;
    const reports::CsvRenderer csv;
    std::cout << "prescriptions=" << prescriptions << "\n";
    const auto time = [&](const std::string& label, reporting::ReportRequest request) {
        reports::Report report;
        const double model = millis([&] { report = services.reports().generate(request, caller); });
        std::size_t pdf_bytes = 0;
        const double pdf_ms = millis([&] { pdf_bytes = pdf.render(report).size(); });
        const double csv_ms = millis([&] { csv.render(report); });
        std::cout << label << "_model_ms=" << model << " " << label << "_pdf_ms=" << pdf_ms << " "
                  << label << "_pdf_bytes=" << pdf_bytes << " " << label << "_csv_ms=" << csv_ms
                  << "\n";
    };
    const auto year = [&](const std::string& name) {
        reporting::ReportRequest r;
        r.name = name;
        r.from = first;
        r.to = last;
        return r;
    };
    time("outstanding_originals", year("outstanding-originals"));
    time("guidance_records", year("guidance-records"));
    time("controlled_handovers", year("controlled-handovers"));
    auto audit = year("audit-extract");
    audit.patient_ref = "pt-42";
    time("audit_extract", audit);
    reporting::ReportRequest fees;
    fees.name = "fees";
    fees.month = std::chrono::year{2025} / std::chrono::month{6};
    time("fees_month", fees);
    reporting::ReportRequest route;
    route.name = "route-sheet";
    route.date = Date{std::chrono::year{2025}, std::chrono::month{6}, std::chrono::day{2}};
    time("route_sheet_day", route);

    // Baseline: the same year without the report indexes.
    {
        SQLite::Database db(settings.databasePath(), SQLite::OPEN_READWRITE);
        db.exec(
            "DROP INDEX guidance_records_by_started; DROP INDEX parcel_events_by_kind_at; "
            "ANALYZE");
    }
    time("noindex_guidance_records", year("guidance-records"));
    time("noindex_controlled_handovers", year("controlled-handovers"));
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
