#include <gtest/gtest.h>

#include "EPrescriptionFixture.h"
#include "eprescription/RetryPolicy.h"
#include "eprescription/ValidityPeriod.h"
#include "eprescription/WireFormat.h"

namespace rxdesk::testing {
namespace {

using namespace eprescription;
using namespace std::chrono_literals;

TEST(EPrescriptionWireFormat, RetrieveResponseRoundTripsThePrescription) {
    RetrievedPrescription sent{
        "RX-1", seededPrescription(), kIssueDate, Date{year{2026}, month{11}, day{23}}, {}};
    EXPECT_EQ(WireFormat::decodeRetrieveResponse(WireFormat::encodeRetrieveResponse(sent)), sent);
}

TEST(EPrescriptionWireFormat, RetrieveRequestRoundTrips) {
    EXPECT_EQ(WireFormat::decodeRetrieveRequest(WireFormat::encodeRetrieveRequest(validRequest())),
              validRequest());
}

TEST(EPrescriptionWireFormat, RegisterRequestRoundTripsWithItsRequestId) {
    DispensingResult result;
    result.prescription_id = "RX-1";
    result.items = {{1, prescription::DrugCodeSystem::Yj, "2171022F1020", "薬A", "1", "錠", 14},
                    {2, prescription::DrugCodeSystem::GenericName, "", "【般】薬B", "0.5", "g", 3}};
    result.pharmacist = {"薬局 薬子", ""};
    result.dispensed_at = fromUnixSeconds(1'795'000'000);
    RegisterRequest decoded =
        WireFormat::decodeRegisterRequest(WireFormat::encodeRegisterRequest("req-1", result));
    EXPECT_EQ(decoded.request_id, "req-1");
    EXPECT_EQ(decoded.result, result);
}

TEST(EPrescriptionWireFormat, MalformedResponsesAreBadResponses) {
    const std::string good = WireFormat::encodeRetrieveResponse(
        {"RX-1", seededPrescription(), kIssueDate, kIssueDate, {}});
    struct Case {
        const char* name;
        std::string body;
    } cases[] = {
        {"not JSON", "<html>oops</html>"},
        {"array", "[]"},
        {"missing id", R"({"issued_on":"2026-11-20","expires_on":"2026-11-23",
                          "content":{"format":"JAHIS","text":"JAHIS10\r\n"}})"},
        {"bad date", R"({"prescription_id":"X","issued_on":"2026-13-01","expires_on":"2026-11-23",
                        "content":{"format":"JAHIS","text":"JAHIS10\r\n"}})"},
        {"other format", R"({"prescription_id":"X","issued_on":"2026-11-20",
                            "expires_on":"2026-11-23","content":{"format":"FHIR","text":"{}"}})"},
        {"no JAHIS header", R"({"prescription_id":"X","issued_on":"2026-11-20",
                               "expires_on":"2026-11-23","content":{"format":"JAHIS","text":"1,2"}})"},
        {"truncated", good.substr(0, good.size() / 2)},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        Error e = errorOf([&] { WireFormat::decodeRetrieveResponse(c.body); });
        EXPECT_EQ(e.code(), "upstream_bad_response");
        EXPECT_EQ(e.kind(), ErrorKind::UpstreamUnavailable);
    }
}

TEST(EPrescriptionWireFormat, JahisFindingsTravelWithThePrescription) {
    const std::string body = R"({"prescription_id":"X","issued_on":"2026-11-20",)"
                             R"("expires_on":"2026-11-23","content":{"format":"JAHIS","text":")" +
                             std::string("JAHIS10\\r\\n999,x\\r\\n") + R"("}})";
    RetrievedPrescription r = WireFormat::decodeRetrieveResponse(body);
    ASSERT_FALSE(r.findings.empty());
    EXPECT_EQ(r.findings.front().code, "jahis_unknown_record");
}

TEST(EPrescriptionWireFormat, ServiceErrorsMapToRxdeskErrors) {
    struct Case {
        ServiceError error;
        int status;
        const char* code;
        ErrorKind kind;
    } cases[] = {
        {ServiceError::NotFound, 404, "eprescription_not_found", ErrorKind::NotFound},
        {ServiceError::IdentityMismatch, 422, "eprescription_identity_mismatch",
         ErrorKind::RuleViolation},
        {ServiceError::Expired, 422, "eprescription_expired", ErrorKind::RuleViolation},
        {ServiceError::AlreadyDispensed, 409, "eprescription_already_dispensed",
         ErrorKind::Conflict},
        {ServiceError::InvalidRequest, 400, "eprescription_invalid_request", ErrorKind::BadRequest},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.code);
        WireResponse response = WireFormat::encodeError(c.error);
        EXPECT_EQ(response.status, c.status);
        Error e = WireFormat::errorFromResponse(response.status, response.body);
        EXPECT_EQ(e.code(), c.code);
        EXPECT_EQ(e.kind(), c.kind);
    }
}

TEST(EPrescriptionWireFormat, UnknownRefusalsAreNotMistakenForBusinessOutcomes) {
    struct Case {
        int status;
        std::string body;
        const char* code;
    } cases[] = {
        {404, "<html>Not Found</html>", "upstream_bad_response"},  // wrong base URL
        {404, R"({"error":{"code":"no_such_endpoint"}})", "upstream_bad_response"},
        {409, R"({"error":{"code":"prescription_not_found"}})", "upstream_bad_response"},
        {401, "", "upstream_unavailable"},
        {403, "forbidden", "upstream_unavailable"},
        {302, "", "upstream_bad_response"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.status);
        EXPECT_EQ(WireFormat::errorFromResponse(c.status, c.body).code(), c.code);
    }
}

TEST(EPrescriptionRetryPolicy, DoublesUpToTheCapAndJitterShortens) {
    RetryPolicy policy(100ms, 1000ms, 0.4);
    struct Case {
        int failed_attempt;
        double random;
        std::chrono::milliseconds expected;
    } cases[] = {
        {1, 0.0, 100ms},  {2, 0.0, 200ms},   {3, 0.0, 400ms}, {4, 0.0, 800ms},
        {5, 0.0, 1000ms}, {60, 0.0, 1000ms}, {1, 0.5, 80ms},  {3, 0.999, 240ms},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.failed_attempt);
        EXPECT_EQ(policy.delayAfter(c.failed_attempt, c.random), c.expected);
    }
}

TEST(EPrescriptionValidity, FourDaysCountingIssueDateUnlessUseByDate) {
    EXPECT_EQ(lastDayOfUse(Date{year{2026}, month{12}, day{30}}, std::nullopt),
              (Date{year{2027}, month{1}, day{2}}));
    EXPECT_EQ(lastDayOfUse(kIssueDate, Date{year{2026}, month{12}, day{5}}),
              (Date{year{2026}, month{12}, day{5}}));
}

TEST(EPrescriptionClientSettings, RejectsUnusableValues) {
    auto base = [] {
        ClientSettings s;
        s.base_url = "https://eps.example.jp/api";
        return s;
    };
    EXPECT_NO_THROW(base().validate());
    struct Case {
        const char* field;
        std::function<void(ClientSettings&)> change;
    } cases[] = {
        {"rxdesk.eprescription.base_url", [](ClientSettings& s) { s.base_url = ""; }},
        {"rxdesk.eprescription.base_url", [](ClientSettings& s) { s.base_url = "ftp://x/"; }},
        {"rxdesk.eprescription.base_url",
         [](ClientSettings& s) { s.base_url = "http://eps.example.jp/api"; }},
        {"rxdesk.eprescription.client_private_key",
         [](ClientSettings& s) { s.client_certificate = "/etc/rxdesk/client.pem"; }},
        {"rxdesk.eprescription.request_timeout_ms",
         [](ClientSettings& s) { s.request_timeout = 0ms; }},
        {"rxdesk.eprescription.max_attempts", [](ClientSettings& s) { s.max_attempts = 0; }},
        {"rxdesk.eprescription.max_backoff_ms", [](ClientSettings& s) { s.max_backoff = 1ms; }},
        {"rxdesk.eprescription.backoff_jitter", [](ClientSettings& s) { s.backoff_jitter = 1.0; }},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.field);
        ClientSettings s = base();
        c.change(s);
        Error e = errorOf([&] { s.validate(); });
        EXPECT_EQ(e.code(), "invalid_eprescription_settings");
        EXPECT_EQ(e.field(), c.field);
    }
    ClientSettings loopback = base();
    loopback.base_url = "http://127.0.0.1:18443";
    EXPECT_NO_THROW(loopback.validate());
}

}  // namespace
}  // namespace rxdesk::testing
