#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/TextEncoding.h"
#include "core/TokyoTime.h"
#include "integration/intake/IntakeFixture.h"
#include "jahis/JahisWriter.h"
#include "unit/reports/PdfTestTools.h"

namespace rxdesk::testing {

/// A real server with a pharmacist, a clerk and an admin, and a database seeded straight
/// through SQLite (the reports read what the other features wrote; writing it directly keeps
/// the tests about the reports and fast enough to seed several pages of rows).
struct ReportsFixture {
    IntakeFixture intake;
    TestServer& server = intake.server;
    Staff admin_staff = server.createStaff("kato", auth::Role::Admin);
    TestClient pharmacist = server.loggedIn(intake.pharmacist);
    TestClient clerk = server.loggedIn(intake.clerk);
    TestClient admin = server.loggedIn(admin_staff);
    SQLite::Database db{server.settings().databasePath(), SQLite::OPEN_READWRITE};

    ReportsFixture() { db.setBusyTimeout(5000); }

    /// Unix seconds of `date` at hh:mm in Tokyo.
    static std::int64_t at(const std::string& date, int hour, int minute = 0) {
        return unixSeconds(tokyoTime(*parseDate(date), hour * 60 + minute));
    }

    std::int64_t exec(SQLite::Statement& q) {
        q.exec();
        return db.getLastInsertRowid();
    }

    std::int64_t clinic(const std::string& name, const std::string& code, int deadline_days = 14) {
        SQLite::Statement q(db,
                            "INSERT INTO clinics (institution_code, name, original_deadline_days, "
                            "created_at) VALUES (?, ?, ?, 0)");
        q.bind(1, code);
        q.bind(2, name);
        q.bind(3, deadline_days);
        return exec(q);
    }

    struct Rx {
        std::string patient_name = "患者 太郎";
        std::string patient_ref = "pt-0001";
        std::string number = "RX-1";
        std::optional<std::int64_t> clinic_id{};
        std::string original_state{};  ///< "" → NULL
        std::string status = "dispensed";
        std::int64_t received_at = 0;
        std::string dispensed_on{};
        std::string issue_date{};
        std::string content_jahis{};  ///< "" → NULL
    };

    std::int64_t prescription(const Rx& rx) {
        SQLite::Statement q(
            db,
            "INSERT INTO prescriptions (channel, status, original_state, content_jahis, "
            "institution_code, prescription_number, issue_date, patient_ref, patient_name, "
            "clinic_id, received_at, received_by, dispensed_on, updated_at) VALUES ('fax', ?, ?, "
            "?, '1311234567', ?, ?, ?, ?, ?, ?, 'system:test', ?, ?)");
        int i = 0;
        q.bind(++i, rx.status);
        if (rx.original_state.empty())
            q.bind(++i);
        else
            q.bind(++i, rx.original_state);
        if (rx.content_jahis.empty())
            q.bind(++i);
        else
            q.bind(++i, rx.content_jahis);
        q.bind(++i, rx.number);
        q.bind(++i, rx.issue_date);
        q.bind(++i, rx.patient_ref);
        q.bind(++i, rx.patient_name);
        if (rx.clinic_id)
            q.bind(++i, *rx.clinic_id);
        else
            q.bind(++i);
        q.bind(++i, rx.received_at);
        if (rx.dispensed_on.empty())
            q.bind(++i);
        else
            q.bind(++i, rx.dispensed_on);
        q.bind(++i, rx.received_at);
        return exec(q);
    }

    struct Session {
        std::int64_t prescription_id = 0;
        std::string patient_ref = "pt-0001";
        std::int64_t start = 0;
        int minutes = 10;
        std::string fee_kind = "medication_management_online";
        int fee_points = 45;
        std::string fee_basis = "returned_with_notebook";
        std::string fee_reason = "3か月以内の再来局でお薬手帳の提示あり";
        std::string identity_document = "my_number_card";
        std::string others = "";
        bool home_patient = false;
    };

    /// A completed appointment with its guidance record; returns the appointment id.
    std::int64_t guidanceSession(const Session& s) {
        const std::int64_t end = s.start + s.minutes * 60;
        SQLite::Statement a(db,
                            "INSERT INTO guidance_appointments (prescription_id, patient_ref, "
                            "pharmacist_id, start_at, end_at, status, session_started_at, "
                            "created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, "
                            "'completed', ?, ?, 'system:test', ?)");
        int i = 0;
        a.bind(++i, s.prescription_id);
        a.bind(++i, s.patient_ref);
        a.bind(++i, intake.pharmacist.id);
        a.bind(++i, s.start);
        a.bind(++i, end);
        a.bind(++i, s.start);
        a.bind(++i, s.start);
        a.bind(++i, s.start);
        const std::int64_t id = exec(a);
        SQLite::Statement r(
            db,
            "INSERT INTO guidance_records (appointment_id, pharmacist_id, patient_ref, started_at, "
            "ended_at, mode, video_and_audio_confirmed, first_session, identity_document, "
            "identity_document_other, pharmacist_identity_shown, others_present, "
            "others_description, others_consent, security_risk_agreed, private_space_confirmed, "
            "recorded, recording_consent, explained_topics, outcome, stop_reason, "
            "notebook_presented, home_patient, home_visit_same_day, previous_visit_date, "
            "fee_kind, fee_points, fee_basis, fee_reason, recorded_at, recorded_by) VALUES (?, ?, "
            "?, ?, ?, 'video', 1, 1, ?, '', 1, ?, ?, ?, 1, 1, 0, 0, 'effects,side_effects', "
            "'completed', '', 1, ?, 0, '2026-09-01', ?, ?, ?, ?, ?, 'user:1')");
        i = 0;
        r.bind(++i, id);
        r.bind(++i, intake.pharmacist.id);
        r.bind(++i, s.patient_ref);
        r.bind(++i, s.start);
        r.bind(++i, end);
        r.bind(++i, s.identity_document);
        r.bind(++i, s.others.empty() ? 0 : 1);
        r.bind(++i, s.others);
        r.bind(++i, s.others.empty() ? 0 : 1);
        r.bind(++i, s.home_patient ? 1 : 0);
        r.bind(++i, s.fee_kind);
        r.bind(++i, s.fee_points);
        r.bind(++i, s.fee_basis);
        r.bind(++i, s.fee_reason);
        r.bind(++i, end);
        exec(r);
        return id;
    }

    /// A parcel line; claims_code nullopt → NULL (stored before claims codes were kept).
    struct Item {
        std::string name;
        std::string amount;
        std::optional<std::string> claims_code{};
    };

    struct Parcel {
        std::string method = "staff_hand_delivery";
        std::string marks = "recipient_only no_leave_at_door";
        bool signature = true;
        bool identity = true;
        std::vector<Item> items{};
    };

    struct Shipment {
        std::int64_t prescription_id = 0;
        std::string patient_ref = "pt-0001";
        std::string recipient = "受取 花子";
        std::string address = "東京都渋谷区神宮前1-1-1";
        std::string time_slot{};
        std::string ship_date = "2026-10-15";
        std::optional<std::int64_t> cash_on_delivery{};
        std::vector<Parcel> parcels{Parcel{}};
    };

    /// Inserts the shipment; returns the parcel ids.
    std::vector<std::int64_t> shipment(const Shipment& s) {
        SQLite::Statement q(
            db,
            "INSERT INTO shipments (prescription_id, patient_ref, method, time_slot, "
            "cash_on_delivery, recipient_name, recipient_postcode, "
            "recipient_address, recipient_phone, country, ship_date, created_at, "
            "created_by) VALUES (?, ?, ?, ?, ?, ?, '1500001', ?, '03-0000-1111', "
            "'JP', ?, 0, 'system:test')");
        int i = 0;
        q.bind(++i, s.prescription_id);
        q.bind(++i, s.patient_ref);
        q.bind(++i, s.parcels.front().method);
        q.bind(++i, s.time_slot);
        if (s.cash_on_delivery)
            q.bind(++i, *s.cash_on_delivery);
        else
            q.bind(++i);
        q.bind(++i, s.recipient);
        q.bind(++i, s.address);
        q.bind(++i, s.ship_date);
        const std::int64_t shipment_id = exec(q);
        std::vector<std::int64_t> ids;
        int seq = 0;
        for (const auto& p : s.parcels) {
            SQLite::Statement pq(db,
                                 "INSERT INTO parcels (shipment_id, seq, parcel_number, method, "
                                 "temperature, needs_signature, needs_identity, marks, notes, "
                                 "b2_handling, b2_remarks) VALUES (?, ?, ?, ?, 'room', ?, ?, ?, "
                                 "'', '', '')");
            ++seq;
            // 12 digits, unique per parcel (no check digit needed: reports never scan it).
            const std::string number = std::to_string(900000000000LL + shipment_id * 10 + seq);
            pq.bind(1, shipment_id);
            pq.bind(2, seq);
            pq.bind(3, number);
            pq.bind(4, p.method);
            pq.bind(5, p.signature ? 1 : 0);
            pq.bind(6, p.identity ? 1 : 0);
            pq.bind(7, p.marks);
            const std::int64_t parcel_id = exec(pq);
            int item_seq = 0;
            for (const auto& item : p.items) {
                SQLite::Statement iq(db,
                                     "INSERT INTO parcel_items (parcel_id, seq, name, amount, "
                                     "usage, storage, claims_code) VALUES (?, ?, ?, ?, '', '', ?)");
                iq.bind(1, parcel_id);
                iq.bind(2, ++item_seq);
                iq.bind(3, item.name);
                iq.bind(4, item.amount);
                if (item.claims_code)
                    iq.bind(5, *item.claims_code);
                else
                    iq.bind(5);
                iq.exec();
            }
            ids.push_back(parcel_id);
        }
        return ids;
    }

    /// A hand-over of `parcel_id` by the pharmacist.
    void delivered(std::int64_t parcel_id, std::int64_t when, const std::string& recipient,
                   const std::string& identity_check = "my_number_card") {
        SQLite::Statement q(
            db,
            "INSERT INTO parcel_events (parcel_id, kind, at, actor, recipient_name, "
            "identity_check, signature_blob, failure_reason, confirmation, "
            "celsius, decision, note) VALUES (?, 'delivered', ?, ?, ?, ?, '', '', "
            "'', NULL, '', '')");
        q.bind(1, parcel_id);
        q.bind(2, when);
        q.bind(3, "user:" + std::to_string(intake.pharmacist.id));
        q.bind(4, recipient);
        q.bind(5, identity_check);
        q.exec();
    }

    /// Claims master rows (code, name, control class); moves the drug data revision so that
    /// the server reloads its catalog.
    void drugMaster(const std::vector<std::tuple<std::string, std::string, int>>& drugs) {
        for (const auto& [code, name, control] : drugs) {
            SQLite::Statement q(db,
                                "INSERT INTO drug_master (claims_code, name, kana_name, unit, "
                                "control_class, yj_code) VALUES (?, ?, 'ﾃｽﾄ', '錠', ?, NULL)");
            q.bind(1, code);
            q.bind(2, name);
            q.bind(3, control);
            q.exec();
        }
        db.exec(
            "INSERT INTO drug_imports (data_set, imported_at, source_name, actor, accepted, "
            "rejected) VALUES ('claims_master', 0, 'test', 'system:test', 1, 0)");
    }

    Response report(TestClient& client, const std::string& name, const std::string& query) {
        return client.get("/api/v1/reports/" + name + "?" + query);
    }

    /// The CSV of a report as UTF-8 without the BOM; fails the test on a non-200 answer.
    std::string csv(const std::string& name, const std::string& query) {
        Response r = report(pharmacist, name, query + "&format=csv");
        EXPECT_EQ(r.status, 200) << r.body;
        EXPECT_EQ(r.body.rfind("\xEF\xBB\xBF", 0), 0u) << "UTF-8 CSV starts with a BOM";
        return r.body.size() >= 3 ? r.body.substr(3) : r.body;
    }

    /// The PDF of a report; fails the test on a non-200 answer.
    std::string pdf(const std::string& name, const std::string& query) {
        Response r = report(pharmacist, name, query + "&format=pdf");
        EXPECT_EQ(r.status, 200) << r.body;
        EXPECT_EQ(r.header("Content-Type"), "application/pdf");
        return r.body;
    }

    /// Lines of a CSV body (CRLF separated).
    static std::vector<std::string> lines(const std::string& csv) {
        std::vector<std::string> out;
        std::size_t start = 0;
        while (start < csv.size()) {
            auto end = csv.find("\r\n", start);
            if (end == std::string::npos) end = csv.size();
            out.push_back(csv.substr(start, end - start));
            start = end + 2;
        }
        return out;
    }

    /// The patients recorded beside report generation `audit_seq`, in order.
    std::vector<std::string> disclosures(std::int64_t audit_seq) {
        SQLite::Statement q(db,
                            "SELECT patient_ref FROM report_disclosures WHERE audit_seq = ? "
                            "ORDER BY patient_ref");
        q.bind(1, audit_seq);
        std::vector<std::string> out;
        while (q.executeStep()) out.push_back(q.getColumn(0).getString());
        return out;
    }

    /// The seq of the newest audit entry with this action; 0 when there is none.
    std::int64_t lastAuditSeq(const std::string& action) {
        SQLite::Statement q(db, "SELECT COALESCE(MAX(seq), 0) FROM audit_log WHERE action = ?");
        q.bind(1, action);
        q.executeStep();
        return q.getColumn(0).getInt64();
    }

    /// Rows of audit_log with this action.
    std::vector<std::pair<std::string, std::string>> auditOf(const std::string& action) {
        SQLite::Statement q(db,
                            "SELECT COALESCE(patient_ref, ''), detail FROM audit_log WHERE action "
                            "= ? ORDER BY seq");
        q.bind(1, action);
        std::vector<std::pair<std::string, std::string>> out;
        while (q.executeStep())
            out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
        return out;
    }
};

/// Every page of `pdf` holds `text` (layout spaces ignored).
inline void expectOnEveryPage(const testutil::PdfFile& pdf, const std::string& text) {
    const int pages = pdf.pageCount();
    for (int page = 1; page <= pages; ++page)
        EXPECT_NE(testutil::squeeze(pdf.text(page)).find(text), std::string::npos)
            << "page " << page << " of " << pages << " lacks " << text;
}

}  // namespace rxdesk::testing
