#pragma once

#include <Poco/JSON/Parser.h>
#include <SQLiteCpp/Database.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <map>
#include <string>

#include "http/RequestContext.h"
#include "integration/intake/IntakeFixture.h"
#include "prescription_json/PrescriptionJson.h"

namespace rxdesk::testing {

/// A raw TLS connection (OpenSSL directly, no HTTP client in between) for sending bytes no
/// HTTP client would send, one at a time if need be.
class RawTls {
public:
    explicit RawTls(int port) {
        ctx_ = SSL_CTX_new(TLS_client_method());
        SSL_CTX_set_verify(ctx_, SSL_VERIFY_NONE, nullptr);
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(std::uint16_t(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
            throw std::runtime_error("connect");
        ssl_ = SSL_new(ctx_);
        SSL_set_fd(ssl_, fd_);
        if (SSL_connect(ssl_) != 1) throw std::runtime_error("TLS handshake");
        // SSL_read must never block past a deadline (a TLS 1.3 session ticket makes the socket
        // readable with no application data behind it).
        timeval tv{0, 50000};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }
    ~RawTls() {
        SSL_free(ssl_);
        ::close(fd_);
        SSL_CTX_free(ctx_);
    }
    /// False when the server has closed the connection.
    bool send(std::string_view bytes) {
        ::signal(SIGPIPE, SIG_IGN);
        size_t sent = 0;
        while (sent < bytes.size()) {
            int n = SSL_write(ssl_, bytes.data() + sent,
                              int(std::min<size_t>(bytes.size() - sent, 16384)));
            if (n <= 0) return false;
            sent += size_t(n);
        }
        return true;
    }
    enum class Read { Data, Closed, Nothing };
    /// Waits up to `timeout` for bytes (appended to `out`).
    Read read(std::string& out, std::chrono::milliseconds timeout) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            if (SSL_pending(ssl_) == 0) {
                auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now());
                pollfd p{fd_, POLLIN, 0};
                if (left.count() <= 0 || ::poll(&p, 1, int(left.count())) == 0)
                    return Read::Nothing;
            }
            char buffer[8192];
            int n = SSL_read(ssl_, buffer, sizeof buffer);
            if (n > 0) {
                out.append(buffer, size_t(n));
                return Read::Data;
            }
            int err = SSL_get_error(ssl_, n);
            if (err == SSL_ERROR_WANT_READ ||
                (err == SSL_ERROR_SYSCALL && (errno == EAGAIN || errno == EWOULDBLOCK))) {
                if (std::chrono::steady_clock::now() >= deadline) return Read::Nothing;
                continue;  // e.g. a TLS 1.3 session ticket: no data yet
            }
            return Read::Closed;
        }
    }

private:
    SSL_CTX* ctx_ = nullptr;
    SSL* ssl_ = nullptr;
    int fd_ = -1;
};

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
    RawTls tls(port);
    tls.send(bytes);  // the server may refuse and close before everything is sent
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (answer.text.find("\r\n\r\n") == std::string::npos) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        auto r = tls.read(answer.text, left);
        if (r == RawTls::Read::Closed) {
            answer.closed = true;
            break;
        }
        if (r == RawTls::Read::Nothing) break;
    }
    if (answer.text.rfind("HTTP/1.", 0) == 0 && answer.text.size() >= 12)
        answer.status = std::atoi(answer.text.substr(9, 3).c_str());
    else if (answer.text.size() >= 12 && answer.text.find(" ") != std::string::npos)
        answer.status = std::atoi(answer.text.substr(answer.text.find(' ') + 1, 3).c_str());
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
        Poco::JSON::Object o;
        o.set("client_reference", reference);
        o.set("prescription", prescription_json::encodePrescription(prescription()));
        // Through text, so that every nested object is a Ptr that tests can edit in place.
        return Poco::JSON::Parser().parse(http::toJson(o)).extract<Poco::JSON::Object::Ptr>();
    }

    /// Rows per table, except the tables a refused request legitimately writes: the audit
    /// chain (refusals are audited), sessions and login failures (lockout counting).
    std::map<std::string, int> rowCounts() {
        SQLite::Database raw(server.settings().databasePath(), SQLite::OPEN_READONLY);
        std::map<std::string, int> counts;
        SQLite::Statement tables(
            raw,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
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
