#pragma once

#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <map>
#include <string>

#include "http/RequestContext.h"
#include "integration/intake/IntakeFixture.h"
#include "prescription_json/PrescriptionJson.h"

namespace rxdesk::testing {

/// What came back on a raw connection: the status of the first answer, or 0 when the
/// server closed (or stayed silent until the timeout) without answering.
struct RawAnswer {
    int status = 0;
    std::string text;
    bool closed = false;  ///< the server closed the connection (EOF or reset)
};

/// Sends `bytes` on a fresh TLS connection and reads the answer until the server closes the
/// connection, `timeout` passes, or one complete answer head has arrived.
inline RawAnswer sendRaw(int port, const std::string& bytes,
                         std::chrono::seconds timeout = std::chrono::seconds(10)) {
    RawAnswer answer;
    Poco::Net::SecureStreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", Poco::UInt16(port)),
                                         insecureClientContext());
    socket.setReceiveTimeout(Poco::Timespan(long(timeout.count()), 0));
    try {
        size_t sent = 0;
        while (sent < bytes.size()) {
            int n = socket.sendBytes(bytes.data() + sent, int(std::min<size_t>(bytes.size() - sent, 16384)));
            if (n <= 0) break;
            sent += size_t(n);
        }
    } catch (const Poco::Exception&) {
        // The server may refuse and close before everything is sent; read what it said.
    }
    char buffer[8192];
    try {
        for (;;) {
            int n = socket.receiveBytes(buffer, sizeof buffer);
            if (n <= 0) {
                answer.closed = true;
                break;
            }
            answer.text.append(buffer, size_t(n));
            if (answer.text.find("\r\n\r\n") != std::string::npos) break;
        }
    } catch (const Poco::TimeoutException&) {
    } catch (const Poco::Exception&) {
        answer.closed = true;
    }
    if (answer.text.rfind("HTTP/1.", 0) == 0 && answer.text.size() >= 12)
        answer.status = std::atoi(answer.text.substr(9, 3).c_str());
    return answer;
}

/// The intake fixture plus an admin and a delivery account, one stored prescription, and
/// row counts of every table that holds data (the tables a refused request must not touch).
struct HostileFixture : IntakeFixture {
    explicit HostileFixture(TestServerOptions options = {}) : IntakeFixture(std::move(options)) {
        Response r = clinic.post("/api/v1/prescriptions", submission("seed-0001"));
        EXPECT_EQ(r.status, 201) << r.body;
        if (r.status == 201) seeded_id = r.json()->getValue<std::int64_t>("id");
    }

    Staff admin = server.createStaff("kanri", auth::Role::Admin);
    Staff delivery = server.createStaff("haiso", auth::Role::Delivery);
    std::int64_t seeded_id = 0;

    /// A valid clinic submission of the fixture's prescription under `reference`.
    std::string submission(const std::string& reference) {
        return http::toJson(*submissionObject(reference));
    }
    Poco::JSON::Object::Ptr submissionObject(const std::string& reference) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
        o->set("client_reference", reference);
        o->set("prescription", prescription_json::encodePrescription(prescription()));
        return o;
    }

    /// Rows per table, except the tables a refused request legitimately writes: the audit
    /// chain (refusals are audited), sessions and login failures (lockout counting).
    std::map<std::string, int> rowCounts() {
        SQLite::Database raw(server.settings().databasePath(), SQLite::OPEN_READONLY);
        std::map<std::string, int> counts;
        SQLite::Statement tables(raw, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        while (tables.executeStep()) {
            std::string name = tables.getColumn(0).getString();
            if (name == "audit_log" || name == "audit_chain_head" || name == "sessions" ||
                name == "login_failures")
                continue;
            counts[name] = raw.execAndGet("SELECT COUNT(*) FROM \"" + name + "\"").getInt();
        }
        return counts;
    }
};

}  // namespace rxdesk::testing
