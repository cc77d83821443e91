// A corpus of malformed and hostile requests against a real server: oversize bodies and
// headers, wrong types, broken encodings, path traversal, SQL/HTML injection, header
// injection, huge numbers, deep nesting, broken HTTP framing. Every one must end in a clean
// 4xx (or, for broken framing, a closed connection), with nothing stored, nothing reflected
// and the server healthy afterwards.
#include <Poco/URI.h>
#include <gtest/gtest.h>

#include <functional>
#include <vector>

#include "integration/hostile/HostileFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

enum class Who { Anonymous, Clerk, Pharmacist, Admin, Delivery, Clinic, Gateway };

struct Case {
    Case(std::string name_, Who who_, std::string method_, std::string path_, std::string body_,
         std::string content_type_ = "application/json",
         std::map<std::string, std::string> headers_ = {})
        : name(std::move(name_)),
          who(who_),
          method(std::move(method_)),
          path(std::move(path_)),
          body(std::move(body_)),
          content_type(std::move(content_type_)),
          headers(std::move(headers_)) {}
    std::string name;
    Who who;
    std::string method;
    std::string path;
    std::string body;
    std::string content_type;
    std::map<std::string, std::string> headers;
};

const std::vector<std::string> kSqlInjection = {
    "' OR '1'='1",
    "'; DROP TABLE prescriptions; --",
    "1; DELETE FROM users",
    "\" OR \"\"=\"",
    "1' UNION SELECT password_hash FROM users --",
    "admin'--",
    "%' OR 1=1 --",
    "') OR ('a'='a",
    "1 OR 1=1",
    "'; ATTACH DATABASE '/tmp/pwn.db' AS pwn; --",
    "1)); UPDATE users SET role='admin'; --",
    "' AND sqlite_version() > '0",
};

const std::vector<std::string> kHtmlInjection = {
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "<svg/onload=alert(1)>",
    "</script><script>alert(document.cookie)</script>",
    "${jndi:ldap://127.0.0.1/a}",
};

// Raw path segments (already as they go on the wire).
const std::vector<std::string> kPathSegments = {
    "..%2f..%2fetc%2fpasswd",
    "%2e%2e",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "%252e%252e%252fetc%252fpasswd",
    "....%2f%2f",
    "..%5c..%5cwindows%5cwin.ini",
    "%c0%ae%c0%ae%2fetc%2fpasswd",
    "%e0%80%ae%e0%80%ae",
    "passwd%00.png",
    "%00",
    "%ff%fe",
    "1%20OR%201%3D1",
    "1%3BDROP%20TABLE%20users",
    "%27%20OR%20%271%27%3D%271",
    "-1",
    "99999999999999999999999999",
    "1e3",
    "0x10",
    "%ef%bc%91",  // fullwidth digit one
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "%0d%0aSet-Cookie:%20rxdesk_session=x",
    "%25",
    "%",
    std::string(3000, 'A'),
};

std::string jsonString(const std::string& s) {
    Poco::JSON::Object o;
    o.set("v", s);
    std::string text = http::toJson(o);
    return text.substr(5, text.size() - 6);  // {"v":"..."} → "..."
}

}  // namespace

TEST(MalformedRequests, EveryOneIsACleanRefusalWithNothingStoredAndTheServerHealthy) {
    // Every refused login below comes from 127.0.0.1: the per-address lockout (tested on its
    // own in integration/security) must not turn the later cases into 429s.
    TestServerOptions options;
    options.settings = [](app::Settings& s) { s.auth.address_throttle.max_failures = 10000; };
    HostileFixture f(std::move(options));
    ASSERT_GT(f.seeded_id, 0);
    std::map<Who, TestClient> clients;
    clients.emplace(Who::Anonymous, f.server.client());
    clients.emplace(Who::Clerk, f.server.loggedIn(f.clerk));
    clients.emplace(Who::Pharmacist, f.server.loggedIn(f.pharmacist));
    clients.emplace(Who::Admin, f.server.loggedIn(f.admin));
    clients.emplace(Who::Delivery, f.server.loggedIn(f.delivery));
    clients.emplace(Who::Clinic, std::move(f.clinic));
    clients.emplace(Who::Gateway, std::move(f.gateway));
    const std::string id = std::to_string(f.seeded_id);

    std::vector<Case> cases;
    // Path traversal and injection in every kind of path parameter, and at the root.
    for (const auto& seg : kPathSegments) {
        cases.push_back({"prescription id " + seg.substr(0, 40), Who::Pharmacist, "GET",
                         "/api/v1/prescriptions/" + seg, ""});
        cases.push_back(
            {"drug code " + seg.substr(0, 40), Who::Pharmacist, "GET", "/api/v1/drugs/" + seg, ""});
        cases.push_back({"parcel number " + seg.substr(0, 40), Who::Delivery, "GET",
                         "/api/v1/parcels/by-number/" + seg, ""});
        cases.push_back({"calendar feed " + seg.substr(0, 40), Who::Anonymous, "GET",
                         "/api/v1/guidance/calendar/" + seg, ""});
        cases.push_back({"user login " + seg.substr(0, 40), Who::Admin, "POST",
                         "/api/v1/users/" + seg + "/disable", "{}"});
        cases.push_back({"action " + seg.substr(0, 40), Who::Pharmacist, "POST",
                         "/api/v1/prescriptions/" + id + "/actions/" + seg, "{}"});
    }
    for (const char* path :
         {"/%2e%2e/%2e%2e/etc/passwd", "/api/v1/%2e%2e/%2e%2e/etc/passwd",
          "/api/v1/../../etc/passwd", "/api/v1/prescriptions/..%2f..%2fetc%2fpasswd",
          "/..;/api/v1/users", "/api/v1/users/..", "/api/v1/./users/%2e", "//api//v1//users",
          "/api/v1/users%00", "/api/v1/users%2f..%2f..%2fclients"})
        cases.push_back({std::string("root path ") + path, Who::Clerk, "GET", path, ""});

    // SQL and HTML injection in query parameters that are validated.
    for (const auto& inj : kSqlInjection)
        for (const char* param : {"source", "limit", "before"}) {
            std::string encoded;
            Poco::URI::encode(inj, "&=+?#%/", encoded);
            cases.push_back({std::string("query ") + param + " " + inj, Who::Pharmacist, "GET",
                             std::string("/api/v1/prescriptions?") + param + "=" + encoded, ""});
        }
    for (const auto& inj : kHtmlInjection) {
        std::string encoded;
        Poco::URI::encode(inj, "&=+?#%/", encoded);
        cases.push_back({"query source " + inj, Who::Pharmacist, "GET",
                         "/api/v1/prescriptions?source=" + encoded, ""});
    }

    // SQL and HTML injection in JSON members that have a shape (names, kinds, codes, dates).
    std::vector<std::string> injections = kSqlInjection;
    injections.insert(injections.end(), kHtmlInjection.begin(), kHtmlInjection.end());
    int n = 0;
    for (const auto& inj : injections) {
        std::string v = jsonString(inj);
        cases.push_back({"users.login " + inj, Who::Admin, "POST", "/api/v1/users",
                         R"({"login":)" + v + R"(,"display_name":"x","role":"clerk"})"});
        cases.push_back({"users.role " + inj, Who::Admin, "POST", "/api/v1/users",
                         R"({"login":"newbie)" + std::to_string(++n) +
                             R"(","display_name":"x","role":)" + v + "}"});
        cases.push_back({"clients.kind " + inj, Who::Admin, "POST", "/api/v1/clients",
                         R"({"name":"x","kind":)" + v + "}"});
        cases.push_back({"clients.institution_code " + inj, Who::Admin, "POST", "/api/v1/clients",
                         R"({"name":"x","kind":"clinic","institution_code":)" + v + "}"});
        auto bad_date = f.submissionObject("inj-date-" + std::to_string(++n));
        bad_date->getObject("prescription")->set("issue_date", inj);
        cases.push_back({"prescription.issue_date " + inj, Who::Clinic, "POST",
                         "/api/v1/prescriptions", http::toJson(*bad_date)});
        auto bad_sex = f.submissionObject("inj-sex-" + std::to_string(++n));
        bad_sex->getObject("prescription")->getObject("patient")->set("sex", inj);
        cases.push_back({"patient.sex " + inj, Who::Clinic, "POST", "/api/v1/prescriptions",
                         http::toJson(*bad_sex)});
        auto bad_code = f.submissionObject("inj-code-" + std::to_string(++n));
        bad_code->getObject("prescription")->getObject("patient")->set("code", inj);
        cases.push_back({"patient.code " + inj, Who::Clinic, "POST", "/api/v1/prescriptions",
                         http::toJson(*bad_code)});
        auto bad_ref = f.submissionObject(inj + " x");
        cases.push_back({"client_reference " + inj, Who::Clinic, "POST", "/api/v1/prescriptions",
                         http::toJson(*bad_ref)});
        cases.push_back({"session.login " + inj, Who::Anonymous, "POST", "/api/v1/session",
                         R"({"login":)" + v + R"(,"password":)" + v + R"(,"totp":"000000"})"});
    }

    // Wrong types and huge numbers.
    for (const char* login :
         {"5", "[]", "{}", "null", "true", "1e400", "-0", "123456789012345678901234567890"})
        cases.push_back(
            {std::string("users.login = ") + login, Who::Admin, "POST", "/api/v1/users",
             std::string(R"({"login":)") + login + R"(,"display_name":"x","role":"clerk"})"});
    struct Mutation {
        const char* name;
        std::function<void(Poco::JSON::Object&)> apply;
    };
    const Mutation mutations[] = {
        {"prescription is a string", [](auto& o) { o.set("prescription", "x"); }},
        {"prescription is an array", [](auto& o) { o.set("prescription", Poco::JSON::Array()); }},
        {"client_reference is a number", [](auto& o) { o.set("client_reference", 12345); }},
        {"client_reference 65 chars",
         [](auto& o) { o.set("client_reference", std::string(65, 'r')); }},
        {"client_reference 1 MB",
         [](auto& o) { o.set("client_reference", std::string(1 << 20, 'r')); }},
        {"online is a string", [](auto& o) { o.set("online", "yes"); }},
        {"unknown member", [](auto& o) { o.set("is_admin", true); }},
        {"rps empty",
         [](auto& o) { o.getObject("prescription")->set("rps", Poco::JSON::Array()); }},
        {"rps an object",
         [](auto& o) { o.getObject("prescription")->set("rps", Poco::JSON::Object()); }},
        {"issue_date a number",
         [](auto& o) { o.getObject("prescription")->set("issue_date", 20261120); }},
        {"issue_date 31 Feb",
         [](auto& o) { o.getObject("prescription")->set("issue_date", "2026-02-31"); }},
        {"issue_date year 99999",
         [](auto& o) { o.getObject("prescription")->set("issue_date", "99999-01-01"); }},
        {"birth_date bool",
         [](auto& o) {
             o.getObject("prescription")->getObject("patient")->set("birth_date", true);
         }},
        {"name 10,000 chars",
         [](auto& o) {
             o.getObject("prescription")
                 ->getObject("patient")
                 ->set("name_kanji", std::string(10000, 'a'));
         }},
        {"name with newline",
         [](auto& o) {
             o.getObject("prescription")->getObject("patient")->set("name_kanji", "山田\n太郎");
         }},
        {"name with NUL",
         [](auto& o) {
             o.getObject("prescription")
                 ->getObject("patient")
                 ->set("name_kanji", std::string("山田\0太郎", 13));
         }},
        {"copay_class huge",
         [](auto& o) {
             o.getObject("prescription")
                 ->getObject("patient")
                 ->set("copay_class", Poco::Int64(9223372036854775807LL));
         }},
        {"copay_class negative",
         [](auto& o) {
             o.getObject("prescription")->getObject("patient")->set("copay_class", -1);
         }},
        {"days 1e9",
         [](auto& o) {
             o.getObject("prescription")->getArray("rps")->getObject(0)->set("days", 1000000000);
         }},
        {"days a float",
         [](auto& o) {
             o.getObject("prescription")->getArray("rps")->getObject(0)->set("days", 1.5);
         }},
        {"amount -1e308",
         [](auto& o) {
             o.getObject("prescription")
                 ->getArray("rps")
                 ->getObject(0)
                 ->getArray("items")
                 ->getObject(0)
                 ->set("amount", -1e308);
         }},
        {"amount NaN text",
         [](auto& o) {
             o.getObject("prescription")
                 ->getArray("rps")
                 ->getObject(0)
                 ->getArray("items")
                 ->getObject(0)
                 ->set("amount", "NaN");
         }},
        {"image not base64",
         [](auto& o) {
             Poco::JSON::Object img;
             img.set("media_type", "image/tiff");
             img.set("data", "!!!not base64!!!");
             o.set("image", img);
         }},
        {"image media type text/html",
         [](auto& o) {
             Poco::JSON::Object img;
             img.set("media_type", "text/html");
             img.set("data", "PHNjcmlwdD4=");
             o.set("image", img);
         }},
        {"image garbage bytes",
         [](auto& o) {
             Poco::JSON::Object img;
             img.set("media_type", "image/png");
             img.set("data", "AAAAAAAAAAAAAAAA");
             o.set("image", img);
         }},
        {"both prescription and jahis", [](auto& o) { o.set("jahis", "JAHIS10\r\n"); }},
    };
    for (const auto& m : mutations) {
        auto o = f.submissionObject("mut-" + std::to_string(++n));
        m.apply(*o);
        cases.push_back({std::string("submission: ") + m.name, Who::Clinic, "POST",
                         "/api/v1/prescriptions", http::toJson(*o)});
    }

    // Broken encodings, in a plain route and in the clinic submission.
    const std::pair<const char*, std::string> encodings[] = {
        {"invalid byte FF", "\xff"},
        {"overlong slash C0 AF", "\xc0\xaf"},
        {"overlong dot E0 80 AE", "\xe0\x80\xae"},
        {"overlong NUL C0 80", "\xc0\x80"},
        {"UTF-16 surrogate ED A0 80", "\xed\xa0\x80"},
        {"truncated sequence E3 81", "\xe3\x81"},
        {"code point above U+10FFFF", "\xf4\x90\x80\x80"},
        {"Latin-1 e acute", "caf\xe9"},
        {"raw NUL", std::string("a\0b", 3)},
        {"raw control 01",
         "a\x01"
         "b"},
        {"escaped NUL", "\\u0000"},
        {"lone surrogate escape", "\\ud800"},
    };
    for (const auto& [name, bytes] : encodings) {
        cases.push_back({std::string("users.login ") + name, Who::Admin, "POST", "/api/v1/users",
                         R"({"login":"x)" + bytes + R"(","display_name":"x","role":"clerk"})"});
        std::string body = f.submission("enc-" + std::to_string(++n));
        auto at = body.find("日薬");
        if (at != std::string::npos) body.replace(at, 3, bytes);
        cases.push_back({std::string("patient name ") + name, Who::Clinic, "POST",
                         "/api/v1/prescriptions", body});
    }
    cases.push_back({"UTF-16LE body", Who::Admin, "POST", "/api/v1/users", [] {
                         static const char utf16[] = "{\0\"\0l\0\"\0:\0\"\0x\0\"\0}\0";
                         return std::string(utf16, sizeof utf16 - 1);
                     }()});
    cases.push_back({"BOM then JSON", Who::Admin, "POST", "/api/v1/users",
                     "\xef\xbb\xbf{\"login\":\"bom\",\"display_name\":\"x\",\"role\":\"clerk\"}"});

    // Oversize bodies, deep nesting.
    cases.push_back({"users body 5 KB (limit 4 KB)", Who::Admin, "POST", "/api/v1/users",
                     std::string(5 * 1024, ' ')});
    cases.push_back({"session body 64 KB", Who::Anonymous, "POST", "/api/v1/session",
                     "{\"login\":\"" + std::string(65536, 'a') + "\"}"});
    cases.push_back({"nesting 2,000 in users", Who::Admin, "POST", "/api/v1/users",
                     std::string(2000, '[') + std::string(2000, ']')});
    cases.push_back({"nesting 20 in submission", Who::Clinic, "POST", "/api/v1/prescriptions",
                     R"({"client_reference":"deep","prescription":)" + std::string(20, '[') +
                         std::string(20, ']') + "}"});
    cases.push_back({"nesting 500,000 in submission", Who::Clinic, "POST", "/api/v1/prescriptions",
                     std::string(500000, '[')});
    cases.push_back({"nesting 100,000 objects in content", Who::Pharmacist, "PUT",
                     "/api/v1/prescriptions/" + id + "/content", [] {
                         std::string s;
                         for (int i = 0; i < 40000; ++i) s += "{\"a\":";
                         return s;
                     }()});
    cases.push_back({"nesting 1,000,000 in parcel events", Who::Delivery, "POST",
                     "/api/v1/parcels/1/events", std::string(1000000, '[')});
    cases.push_back(
        {"huge number", Who::Admin, "POST", "/api/v1/users",
         R"({"login":"n","display_name":"x","role":"clerk","x":)" + std::string(3000, '9') + "}"});
    cases.push_back({"limit huge", Who::Pharmacist, "GET",
                     "/api/v1/prescriptions?limit=" + std::string(5000, '9'), ""});
    cases.push_back({"1e999999", Who::Admin, "POST", "/api/v1/users", R"({"login":1e999999})"});
    cases.push_back({"trailing garbage", Who::Admin, "POST", "/api/v1/users",
                     R"({"login":"t","display_name":"x","role":"clerk"} {"again":1})"});
    cases.push_back({"duplicate keys", Who::Clinic, "POST", "/api/v1/prescriptions",
                     R"({"client_reference":"dup","client_reference":"dup2"})"});
    cases.push_back({"empty body", Who::Admin, "POST", "/api/v1/users", ""});
    cases.push_back({"JSON null", Who::Admin, "POST", "/api/v1/users", "null"});
    cases.push_back({"JSON string", Who::Clinic, "POST", "/api/v1/prescriptions", "\"<script>\""});

    // Headers: content type, credentials, keys.
    cases.push_back({"JSON as text/html", Who::Admin, "POST", "/api/v1/users",
                     R"({"login":"h","display_name":"x","role":"clerk"})", "text/html"});
    cases.push_back({"JSON as form", Who::Admin, "POST", "/api/v1/users", "login=h&role=admin",
                     "application/x-www-form-urlencoded"});
    cases.push_back(
        {"fax as JSON", Who::Gateway, "POST", "/api/v1/faxes", "{}", "application/json"});
    cases.push_back({"fax as SVG", Who::Gateway, "POST", "/api/v1/faxes", "<svg onload=alert(1)/>",
                     "image/svg+xml"});
    cases.push_back({"Idempotency-Key 300 chars",
                     Who::Clinic,
                     "POST",
                     "/api/v1/prescriptions",
                     f.submission("idem-1"),
                     "application/json",
                     {{"Idempotency-Key", std::string(300, 'k')}}});
    cases.push_back({"Idempotency-Key with spaces",
                     Who::Clinic,
                     "POST",
                     "/api/v1/prescriptions",
                     f.submission("idem-2"),
                     "application/json",
                     {{"Idempotency-Key", "' OR 1=1 --"}}});
    cases.push_back({"Idempotency-Key non-ASCII",
                     Who::Clinic,
                     "POST",
                     "/api/v1/prescriptions",
                     f.submission("idem-3"),
                     "application/json",
                     {{"Idempotency-Key", "鍵"}}});
    for (const auto& inj : kSqlInjection) {
        cases.push_back({"bearer " + inj,
                         Who::Anonymous,
                         "GET",
                         "/api/v1/prescriptions",
                         "",
                         "application/json",
                         {{"Authorization", "Bearer " + inj}}});
        cases.push_back({"session cookie " + inj,
                         Who::Anonymous,
                         "GET",
                         "/api/v1/prescriptions",
                         "",
                         "application/json",
                         {{"Cookie", "rxdesk_session=" + inj}}});
    }
    cases.push_back({"bearer 8 KB",
                     Who::Anonymous,
                     "GET",
                     "/api/v1/prescriptions",
                     "",
                     "application/json",
                     {{"Authorization", "Bearer " + std::string(8000, 'k')}}});
    cases.push_back({"basic auth",
                     Who::Anonymous,
                     "GET",
                     "/api/v1/prescriptions",
                     "",
                     "application/json",
                     {{"Authorization", "Basic YWRtaW46YWRtaW4="}}});
    cases.push_back({"CSRF token forged",
                     Who::Admin,
                     "POST",
                     "/api/v1/users",
                     R"({"login":"csrf","display_name":"x","role":"admin"})",
                     "application/json",
                     {{"X-CSRF-Token", "' OR 1=1 --"}}});
    cases.push_back({"fax sender injection",
                     Who::Gateway,
                     "POST",
                     "/api/v1/faxes",
                     f.blankFax(),
                     "image/tiff",
                     {{"X-Fax-Sender", "<script>alert(1)</script>"}}});
    cases.push_back({"fax received-at injection",
                     Who::Gateway,
                     "POST",
                     "/api/v1/faxes",
                     f.blankFax(),
                     "image/tiff",
                     {{"X-Fax-Received-At", "'; DROP TABLE prescriptions; --"}}});

    const auto before = f.rowCounts();
    TestClient health = f.server.client();
    int refused = 0;
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        Response r;
        try {
            r = clients.at(c.who).request(c.method, c.path, c.body, c.content_type, c.headers);
        } catch (const Poco::Exception& e) {
            ADD_FAILURE() << "no answer: " << e.displayText();
            continue;
        }
        EXPECT_GE(r.status, 400) << r.body.substr(0, 300);
        EXPECT_LT(r.status, 500) << r.body.substr(0, 300);
        if (r.status >= 400 && r.status < 500) ++refused;
        EXPECT_FALSE(r.errorCode().empty()) << "a JSON error body: " << r.body.substr(0, 300);
        EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
        for (const char* raw : {"<script", "<img", "<svg", "DROP TABLE", "UNION SELECT", "passwd"})
            EXPECT_EQ(r.body.find(raw), std::string::npos)
                << "reflected: " << r.body.substr(0, 300);
        EXPECT_EQ(health.get("/healthz").status, 200);
    }
    EXPECT_EQ(f.rowCounts(), before) << "nothing stored";
    EXPECT_GE(cases.size(), 200u);
    std::cout << "[ corpus ] " << cases.size() << " requests, " << refused
              << " refused with a clean 4xx\n";

    // Nobody was disabled, promoted or locked out by any of it.
    TestClient admin_again = f.server.loggedIn(f.admin);
    EXPECT_EQ(admin_again.get("/api/v1/users").status, 200);
    EXPECT_EQ(f.server.loggedIn(f.clerk).get("/api/v1/prescriptions").status, 200);
    EXPECT_EQ(f.server.loggedIn(f.clerk).get("/api/v1/users").status, 403) << "still a clerk";
}

// Broken HTTP framing, sent byte for byte: a 4xx or a closed connection, never a hang or
// a 5xx, and the server keeps serving.
TEST(MalformedRequests, BrokenHttpFramingIsRefusedOrClosed) {
    // A request that never completes must be dropped by the request timeout (2 s here).
    TestServerOptions options;
    options.settings = [](app::Settings& s) {
        s.request_timeout_seconds = 2;
        s.keep_alive_seconds = 2;
    };
    HostileFixture f(std::move(options));
    const std::string bearer = f.clinic.bearer;
    const std::string host = "Host: localhost\r\n";
    // tolerated: Poco's parser accepts the request as HTTP allows (a line without a colon is
    // skipped, a folded line joined); answered normally, which is harmless without a proxy in
    // front that parses differently.
    struct RawCase {
        std::string name;
        std::string bytes;
        bool tolerated = false;
    } cases[] = {
        {"header line 100 KB",
         "GET /healthz HTTP/1.1\r\n" + host + "X-Big: " + std::string(100000, 'a') + "\r\n\r\n"},
        {"500 headers", "GET /healthz HTTP/1.1\r\n" + host +
                            [] {
                                std::string s;
                                for (int i = 0; i < 500; ++i)
                                    s += "X-H" + std::to_string(i) + ": v\r\n";
                                return s;
                            }() +
                            "\r\n"},
        {"request line 100 KB",
         "GET /api/v1/" + std::string(100000, 'a') + " HTTP/1.1\r\n" + host + "\r\n"},
        {"NUL in request line", std::string("GET /healthz\0/x HTTP/1.1\r\n", 26) + host + "\r\n"},
        {"bad method", "G\x01T /healthz HTTP/1.1\r\n" + host + "\r\n"},
        {"HTTP/9.9", "GET /healthz HTTP/9.9\r\n" + host + "\r\n"},
        {"no version", "GET /healthz\r\n" + host + "\r\n"},
        {"binary garbage",
         [] {
             static const char g[] = "\x16\x03\x01\x00\xff\xfe\x00\x00garbage\r\n\r\n";
             return std::string(g, sizeof g - 1);
         }()},
        {"header without colon", "GET /healthz HTTP/1.1\r\n" + host + "NoColonHere\r\n\r\n", true},
        {"obsolete line folding", "GET /healthz HTTP/1.1\r\n" + host + "X-A: a\r\n b\r\n\r\n",
         true},
        {"bare CR in header (injection)",
         "GET /healthz HTTP/1.1\r\n" + host + "X-A: a\rSet-Cookie: x=y\r\n\r\n"},
        {"negative Content-Length",
         "POST /api/v1/prescriptions HTTP/1.1\r\n" + host + "Authorization: Bearer " + bearer +
             "\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n{}"},
        {"non-numeric Content-Length",
         "POST /api/v1/prescriptions HTTP/1.1\r\n" + host + "Authorization: Bearer " + bearer +
             "\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}"},
        {"Content-Length 2^64", "POST /api/v1/prescriptions HTTP/1.1\r\n" + host +
                                    "Authorization: Bearer " + bearer +
                                    "\r\nContent-Type: application/json\r\nContent-Length: "
                                    "18446744073709551616\r\n\r\n{}"},
        {"Content-Length larger than body",
         "POST /api/v1/prescriptions HTTP/1.1\r\n" + host + "Authorization: Bearer " + bearer +
             "\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: "
             "close\r\n\r\n{}"},
        {"two Content-Lengths", "POST /api/v1/prescriptions HTTP/1.1\r\n" + host +
                                    "Authorization: Bearer " + bearer +
                                    "\r\nContent-Type: application/json\r\nContent-Length: "
                                    "2\r\nContent-Length: 40\r\n\r\n{}"},
        {"Content-Length and chunked (smuggling)",
         "POST /api/v1/prescriptions HTTP/1.1\r\n" + host + "Authorization: Bearer " + bearer +
             "\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: "
             "chunked\r\n\r\n0\r\n\r\nGET /api/v1/users HTTP/1.1\r\n\r\n"},
        {"bad chunk size", "POST /api/v1/prescriptions HTTP/1.1\r\n" + host +
                               "Authorization: Bearer " + bearer +
                               "\r\nContent-Type: application/json\r\nTransfer-Encoding: "
                               "chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"},
        {"chunk size 2^64", "POST /api/v1/prescriptions HTTP/1.1\r\n" + host +
                                "Authorization: Bearer " + bearer +
                                "\r\nContent-Type: application/json\r\nTransfer-Encoding: "
                                "chunked\r\n\r\nffffffffffffffffff\r\n{}\r\n0\r\n\r\n"},
        {"Content-Length 10 GB",
         "POST /api/v1/faxes HTTP/1.1\r\n" + host + "Authorization: Bearer " + f.gateway.bearer +
             "\r\nContent-Type: image/tiff\r\nContent-Length: 10737418240\r\n\r\n"},
        {"absolute URI to another host",
         "GET https://evil.example/api/v1/users HTTP/1.1\r\n" + host + "\r\n"},
        {"CONNECT", "CONNECT 127.0.0.1:22 HTTP/1.1\r\n" + host + "\r\n"},
        {"TRACE", "TRACE /healthz HTTP/1.1\r\n" + host + "\r\n"},
    };
    const auto before = f.rowCounts();
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        auto t0 = std::chrono::steady_clock::now();
        RawAnswer a = sendRaw(f.server.port(), c.bytes, std::chrono::seconds(10));
        auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (a.status != 0) {
            if (!c.tolerated) EXPECT_GE(a.status, 400) << a.text.substr(0, 200);
            EXPECT_LT(a.status, 500) << a.text.substr(0, 200);
            EXPECT_EQ(a.text.find("Set-Cookie: x=y"), std::string::npos);
        } else {
            EXPECT_TRUE(a.closed) << "no answer and the connection left open";
        }
        EXPECT_LT(seconds, 9.0) << "the server neither answered nor closed";
        EXPECT_EQ(f.server.client().get("/healthz").status, 200);
    }
    EXPECT_EQ(f.rowCounts(), before);
}

// SQL and HTML in the free-text search: treated as text, finds nothing, leaks nothing.
TEST(MalformedRequests, InjectionInTheNameSearchIsJustText) {
    HostileFixture f;
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    std::vector<std::string> all = kSqlInjection;
    all.insert(all.end(), kHtmlInjection.begin(), kHtmlInjection.end());
    for (const auto& inj : all) {
        SCOPED_TRACE(inj);
        std::string encoded;
        Poco::URI::encode(inj, "&=+?#%/", encoded);
        Response r = pharmacist.get("/api/v1/prescriptions?q=" + encoded);
        EXPECT_EQ(r.status, 200) << r.body;
        EXPECT_EQ(r.body.find("日薬"), std::string::npos)
            << "the stored prescription did not match";
        EXPECT_EQ(r.body.find("<script"), std::string::npos);
    }
    EXPECT_EQ(pharmacist.get("/api/v1/prescriptions?q=%E6%97%A5%E8%96%AC").body.find("日薬") !=
                  std::string::npos,
              true)
        << "control: a real prefix finds it";
}

// Free text may legitimately hold markup: it is stored as sent and comes back only inside
// JSON strings (Content-Type application/json, nosniff), never as markup.
TEST(MalformedRequests, MarkupInFreeTextComesBackJsonEscaped) {
    HostileFixture f;
    const std::string evil = "</script><script>alert(document.cookie)</script>' OR '1'='1";
    auto o = f.submissionObject("free-text-1");
    o->getObject("prescription")->getObject("patient")->set("name_kanji", evil);
    Response created = f.clinic.post("/api/v1/prescriptions", http::toJson(*o));
    ASSERT_EQ(created.status, 201) << created.body;
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    const std::string path =
        "/api/v1/prescriptions/" + std::to_string(created.json()->getValue<int>("id"));
    Response view = pharmacist.get(path);
    ASSERT_EQ(view.status, 200);
    EXPECT_EQ(view.header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(view.header("X-Content-Type-Options"), "nosniff");
    EXPECT_NE(view.header("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
    EXPECT_EQ(view.json()
                  ->getObject("prescription")
                  ->getObject("patient")
                  ->getValue<std::string>("name_kanji"),
              evil);
    // Poco's JSON writer does not escape '/' or '<': "</script>" appears as such inside the
    // JSON string. Harmless for a JSON response (never rendered, nosniff, CSP), noted in
    // docs/security.md as defence in depth to add (escape '<' as \u003c).
    std::cout << "[ markup ] '</script>' inside JSON strings is "
              << (view.body.find("</script>") == std::string::npos ? "escaped" : "NOT escaped")
              << "\n";
}

// The status filter takes unknown values silently (an empty list), where an unknown source
// is a 400: a typo in a client looks like "no prescriptions". Fails until statuses are
// validated like sources.
TEST(MalformedRequests, AnUnknownStatusFilterIsRefusedLikeAnUnknownSource) {
    HostileFixture f;
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    EXPECT_EQ(pharmacist.get("/api/v1/prescriptions?source=nonsense").status, 400) << "control";
    Response r = pharmacist.get("/api/v1/prescriptions?status=%27%20OR%20%271%27%3D%271");
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.errorCode(), "invalid_field");
}
