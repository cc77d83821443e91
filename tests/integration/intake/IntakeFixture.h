#pragma once

#include <SQLiteCpp/Database.h>

#include <sstream>

#include "core/TextEncoding.h"
#include "core/TokyoTime.h"
#include "jahis/JahisWriter.h"
#include "support/TestServer.h"
#include "support/fax/FaxFixtures.h"
#include "unit/jahis/JahisSamples.h"

namespace rxdesk::testing {

/// A test server with a pharmacist, a clerk, a fax gateway and a clinic whose institution
/// is the sample prescription's, and helpers to make prescriptions and faxes of them.
struct IntakeFixture {
    explicit IntakeFixture(TestServerOptions options = {}) : server(std::move(options)) {}

    static TestServerOptions withSettings(std::function<void(app::Settings&)> adjust) {
        TestServerOptions options;
        options.settings = std::move(adjust);
        return options;
    }

    TestServer server;
    Staff pharmacist = server.createStaff("yamada", auth::Role::Pharmacist);
    Staff clerk = server.createStaff("suzuki", auth::Role::Clerk);
    TestClient gateway = server.apiClient(auth::ClientKind::FaxGateway);
    TestClient clinic = server.apiClient(auth::ClientKind::Clinic, "1311234567");

    /// The sample prescription, issued today (so no expiry finding), with a number.
    prescription::Prescription prescription(const std::string& number = "RX-0001") {
        auto rx = jahis::samples::richPrescription();
        rx.issue_date = tokyoDate(server.clock().now());
        rx.use_by_date.reset();
        rx.prescription_number = number;
        rx.remarks = {{1, std::nullopt, "オンライン対応"}};
        rx.narcotic.reset();
        rx.institution.prefecture = "13";
        rx.institution.code_type = 1;
        rx.institution.code = "1234567";
        return rx;
    }

    /// A 200×200 dpi G4 fax TIFF carrying `rx` as a Shift_JIS JAHIS QR code.
    std::string faxOf(const prescription::Prescription& rx) {
        using namespace imaging::fixtures;
        auto page = a4Page();
        auto qr = encodeQr(*utf8ToCp932(jahis::JahisWriter::write(rx)));
        drawQr(page, qr, 150, 150, 5);
        return writeBilevelTiff({page}, 200, 200);
    }

    /// A fax page with no QR code at all.
    std::string blankFax() {
        using namespace imaging::fixtures;
        return writeBilevelTiff({a4Page()}, 200, 200);
    }

    Response sendFax(const std::string& tiff, const std::string& sender = "03-1111-2222") {
        return gateway.request("POST", "/api/v1/faxes", tiff, "image/tiff", {{"X-Fax-Sender", sender}});
    }

    /// Rows in a table, straight from the database file.
    int count(const std::string& table) {
        SQLite::Database raw(server.settings().databasePath(), SQLite::OPEN_READONLY);
        return raw.execAndGet("SELECT COUNT(*) FROM " + table).getInt();
    }

    static std::vector<std::string> findingCodes(const Poco::JSON::Object::Ptr& view) {
        std::vector<std::string> codes;
        auto findings = view->getArray("findings");
        for (size_t i = 0; i < findings->size(); ++i)
            codes.push_back(findings->getObject(i)->getValue<std::string>("code"));
        return codes;
    }
    static bool has(const std::vector<std::string>& codes, const std::string& code) {
        return std::find(codes.begin(), codes.end(), code) != codes.end();
    }
};

}  // namespace rxdesk::testing
