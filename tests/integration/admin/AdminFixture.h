#pragma once

#include <SQLiteCpp/Database.h>

#include <string>

#include "integration/dispatch/DispatchFixture.h"
#include "integration/intake/IntakeFixture.h"

namespace rxdesk::testing {

/// A test server with an admin beside the intake fixture's pharmacist, clerk, fax gateway
/// and clinic client, signed-in clients for each, and helpers for uploads and the audit log.
struct AdminFixture {
    IntakeFixture intake;
    TestServer& server = intake.server;
    Staff admin_staff = server.createStaff("kanri", auth::Role::Admin);
    TestClient admin = server.loggedIn(admin_staff);
    TestClient pharmacist = server.loggedIn(intake.pharmacist);
    TestClient clerk = server.loggedIn(intake.clerk);

    /// A claims master file of `rows` plus raw extra lines, CRLF, Shift_JIS as published.
    static std::string masterFile(const std::vector<MasterRow>& rows,
                                  const std::vector<std::string>& extra_lines = {}) {
        std::string text;
        for (const auto& r : rows) text += masterLine(r) + "\r\n";
        for (const auto& l : extra_lines) text += l + "\r\n";
        auto bytes = utf8ToCp932(text);
        EXPECT_TRUE(bytes) << "the test master is representable in Shift_JIS";
        return bytes.value_or("");
    }

    static Response upload(TestClient& client, const std::string& path, const std::string& bytes,
                           const std::string& content_type = "text/csv") {
        return client.request("POST", path, bytes, content_type);
    }

    /// Rows of the audit log with this action (and outcome, when given).
    int audited(const std::string& action, const std::string& outcome = "") {
        SQLite::Database raw(server.settings().databasePath(), SQLite::OPEN_READONLY);
        SQLite::Statement q(
            raw, "SELECT COUNT(*) FROM audit_log WHERE action = ? AND (? = '' OR outcome = ?)");
        q.bind(1, action);
        q.bind(2, outcome);
        q.bind(3, outcome);
        q.executeStep();
        return q.getColumn(0).getInt();
    }

    /// The detail of the latest audit entry with this action.
    std::string lastDetail(const std::string& action) {
        SQLite::Database raw(server.settings().databasePath(), SQLite::OPEN_READONLY);
        SQLite::Statement q(
            raw, "SELECT detail FROM audit_log WHERE action = ? ORDER BY seq DESC LIMIT 1");
        q.bind(1, action);
        return q.executeStep() ? q.getColumn(0).getString() : "";
    }
};

}  // namespace rxdesk::testing
