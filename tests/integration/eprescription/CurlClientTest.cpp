#include <Poco/Net/ServerSocket.h>

#include "EPrescriptionFixture.h"

namespace rxdesk::testing {
namespace {

using eprescription::DispensingResult;
using eprescription::ExchangeRequest;
using namespace std::chrono_literals;

DispensingResult resultFor(const std::string& prescription_id) {
    DispensingResult r;
    r.prescription_id = prescription_id;
    r.items = {{1, prescription::DrugCodeSystem::Claims, "620000098", "試験薬錠10mg「後発」", "2",
                "錠", 7}};
    r.pharmacist = {"薬局 薬子", "123456"};
    r.dispensed_at = tokyoTime(kIssueDate, 11 * 60);
    return r;
}

TEST_F(EPrescriptionTest, RetrievesTheSeededPrescriptionUnchanged) {
    auto retrieved = client().retrieve(validRequest());

    EXPECT_EQ(retrieved.prescription_id, "RX-SEEDED-1");
    EXPECT_EQ(retrieved.prescription, seededPrescription());
    EXPECT_EQ(retrieved.issued_on, kIssueDate);
    EXPECT_EQ(retrieved.expires_on, (Date{year{2026}, month{11}, day{23}}));
    EXPECT_TRUE(retrieved.findings.empty());
    EXPECT_EQ(requests(), 1);
    EXPECT_TRUE(sleeper_.delays().empty());
}

TEST_F(EPrescriptionTest, UnknownExchangeNumberIsNotFoundAndNotRetried) {
    ExchangeRequest request = validRequest();
    request.exchange_number = "4711000000009999";

    Error e = errorOf([&] { client().retrieve(request); });

    EXPECT_EQ(e.code(), "eprescription_not_found");
    EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    EXPECT_EQ(requests(), 1);
    EXPECT_TRUE(sleeper_.delays().empty());
    EXPECT_EQ(std::string(e.what()).find("4711000000009999"), std::string::npos);
}

TEST_F(EPrescriptionTest, IdentityMustMatchInsurerNumberAndBirthDate) {
    struct Case {
        const char* name;
        std::string insurer_number;
        Date birth_date;
    } cases[] = {
        {"wrong insurer number", "06135792", kBirthDate},
        {"wrong birth date", kInsurerNumber, Date{year{1961}, month{3}, day{15}}},
        {"both wrong", "39131234", Date{year{1990}, month{1}, day{1}}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        Error e = errorOf([&] {
            client().retrieve({kExchangeNumber, c.insurer_number, c.birth_date});
        });
        EXPECT_EQ(e.code(), "eprescription_identity_mismatch");
        EXPECT_EQ(e.kind(), ErrorKind::RuleViolation);
        expectNoPatientData(e.what());
        EXPECT_EQ(std::string(e.what()).find(c.insurer_number), std::string::npos);
    }
}

TEST_F(EPrescriptionTest, ExpiresAfterFourDaysCountingTheIssueDate) {
    struct Case {
        int days_after_issue;
        bool expired;
    } cases[] = {{0, false}, {3, false}, {4, true}, {30, true}};
    for (const Case& c : cases) {
        SCOPED_TRACE(c.days_after_issue);
        clock_.set(tokyoTime(
            Date{std::chrono::sys_days{kIssueDate} + std::chrono::days{c.days_after_issue}},
            23 * 60 + 59));
        if (c.expired) {
            Error e = errorOf([&] { client().retrieve(validRequest()); });
            EXPECT_EQ(e.code(), "eprescription_expired");
            EXPECT_EQ(e.kind(), ErrorKind::RuleViolation);
        } else {
            EXPECT_NO_THROW(client().retrieve(validRequest()));
        }
    }
}

TEST_F(EPrescriptionTest, UseByDateExtendsValidity) {
    prescription::Prescription p = seededPrescription();
    p.use_by_date = Date{year{2026}, month{11}, day{30}};
    simulator_->registry().add({"", "4711000000000002", p});
    clock_.set(tokyoTime(Date{year{2026}, month{11}, day{30}}, 12 * 60));

    auto retrieved = client().retrieve({"4711000000000002", kInsurerNumber, kBirthDate});
    EXPECT_EQ(retrieved.expires_on, (Date{year{2026}, month{11}, day{30}}));

    clock_.set(tokyoTime(Date{year{2026}, month{12}, day{1}}, 0));
    EXPECT_EQ(errorOf([&] {
                  client().retrieve({"4711000000000002", kInsurerNumber, kBirthDate});
              }).code(),
              "eprescription_expired");
}

TEST_F(EPrescriptionTest, RegisteredResultMakesThePrescriptionAlreadyDispensed) {
    auto c = client();
    auto retrieved = c.retrieve(validRequest());
    auto receipt = c.registerDispensingResult(resultFor(retrieved.prescription_id));

    EXPECT_FALSE(receipt.result_id.empty());
    EXPECT_EQ(receipt.registered_at, clock_.now());
    EXPECT_EQ(simulator_->registry().dispensingResult("RX-SEEDED-1"),
              resultFor(retrieved.prescription_id));

    Error again = errorOf([&] { c.retrieve(validRequest()); });
    EXPECT_EQ(again.code(), "eprescription_already_dispensed");
    EXPECT_EQ(again.kind(), ErrorKind::Conflict);

    Error second_result = errorOf([&] { c.registerDispensingResult(resultFor("RX-SEEDED-1")); });
    EXPECT_EQ(second_result.code(), "eprescription_already_dispensed");
}

TEST_F(EPrescriptionTest, RegisteringForAnUnknownPrescriptionIsNotFound) {
    Error e = errorOf([&] { client().registerDispensingResult(resultFor("RX-NOPE")); });
    EXPECT_EQ(e.code(), "eprescription_not_found");
}

TEST_F(EPrescriptionTest, RetriesTwo503sWithGrowingBackoffThenSucceeds) {
    simulator_->faults().set({.fail_next = 2, .fail_status = 503});

    auto retrieved = client().retrieve(validRequest());

    EXPECT_EQ(retrieved.prescription, seededPrescription());
    EXPECT_EQ(requests(), 3);
    auto delays = sleeper_.delays();
    ASSERT_EQ(delays.size(), 2u);
    // initial 100 ms, doubled, each shortened by jitter 0.2 × random 0.5 = 10 %.
    EXPECT_EQ(delays[0], 90ms);
    EXPECT_EQ(delays[1], 180ms);
    EXPECT_LT(delays[0], delays[1]);
}

TEST_F(EPrescriptionTest, PermanentlyFailingUpstreamIsUnavailableAfterConfiguredAttempts) {
    simulator_->faults().set({.fail_next = 1000, .fail_status = 503});
    auto s = settings();
    s.max_attempts = 4;

    Error e = errorOf([&] { client(s).retrieve(validRequest()); });

    EXPECT_EQ(e.code(), "upstream_unavailable");
    EXPECT_EQ(e.kind(), ErrorKind::UpstreamUnavailable);
    EXPECT_EQ(requests(), 4);
    auto delays = sleeper_.delays();
    ASSERT_EQ(delays.size(), 3u);
    EXPECT_LT(delays[0], delays[1]);
    EXPECT_LT(delays[1], delays[2]);
}

TEST_F(EPrescriptionTest, ClientErrorsAreNeverRetried) {
    simulator_->faults().set({.fail_next = 1, .fail_status = 400});
    Error e = errorOf([&] { client().retrieve(validRequest()); });
    EXPECT_EQ(e.code(), "upstream_bad_response");  // a 400 without the service's error code
    EXPECT_EQ(requests(), 1);
    EXPECT_TRUE(sleeper_.delays().empty());
}

TEST_F(EPrescriptionTest, RefusedConnectionIsUnavailableAfterRetries) {
    int port = 0;
    {
        Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
        port = probe.address().port();
    }
    auto s = settings();
    s.base_url = "http://127.0.0.1:" + std::to_string(port);

    Error e = errorOf([&] { client(s).retrieve(validRequest()); });

    EXPECT_EQ(e.code(), "upstream_unavailable");
    EXPECT_EQ(sleeper_.delays().size(), 2u);
}

TEST_F(EPrescriptionTest, SlowUpstreamTimesOutWithinTheConfiguredTime) {
    simulator_->faults().set({.delay_ms = 3000});
    auto s = settings();
    s.request_timeout = 300ms;
    s.max_attempts = 2;

    const auto started = std::chrono::steady_clock::now();
    Error e = errorOf([&] { client(s).retrieve(validRequest()); });
    const auto elapsed = std::chrono::steady_clock::now() - started;

    EXPECT_EQ(e.code(), "upstream_timeout");
    EXPECT_EQ(e.kind(), ErrorKind::UpstreamUnavailable);
    EXPECT_EQ(sleeper_.delays().size(), 1u);
    EXPECT_GE(elapsed, 2 * 300ms);
    EXPECT_LT(elapsed, 2 * 300ms + 1000ms);  // generous for sanitizer builds
}

TEST_F(EPrescriptionTest, ConnectionClosedMidResponseOnEveryAttemptFails) {
    simulator_->faults().set({.close_next = 1000});
    auto s = settings();
    s.max_attempts = 2;

    Error e = errorOf([&] { client(s).retrieve(validRequest()); });

    EXPECT_TRUE(e.code() == "upstream_unavailable" || e.code() == "upstream_bad_response")
        << e.code();
    EXPECT_EQ(e.kind(), ErrorKind::UpstreamUnavailable);
    EXPECT_EQ(requests(), 2);
}

TEST_F(EPrescriptionTest, ConnectionClosedOnceIsRetriedForRetrieval) {
    simulator_->faults().set({.close_next = 1});
    EXPECT_EQ(client().retrieve(validRequest()).prescription, seededPrescription());
    EXPECT_EQ(requests(), 2);
}

TEST_F(EPrescriptionTest, RegistrationLostInTransitIsRegisteredOnceOnRetry) {
    // The simulator registers the result, then drops the answer; the client retries with
    // the same request id and gets the first receipt instead of "already dispensed".
    simulator_->faults().set({.close_next = 1});
    auto receipt = client().registerDispensingResult(resultFor("RX-SEEDED-1"));
    EXPECT_EQ(receipt.result_id.substr(0, 7), "SIM-RS-");
    EXPECT_EQ(requests(), 2);
    EXPECT_EQ(sleeper_.delays().size(), 1u);
}

TEST_F(EPrescriptionTest, MalformedUpstreamAnswerIsBadResponse) {
    auto s = settings();
    s.base_url = simulator_->baseUrl() + "/elsewhere";  // the simulator's 404 "no_such_endpoint"
    Error e = errorOf([&] { client(s).retrieve(validRequest()); });
    EXPECT_EQ(e.code(), "upstream_bad_response");
}

TEST_F(EPrescriptionTest, InvalidExchangeRequestIsRejectedBeforeAnyNetworkAccess) {
    struct Case {
        ExchangeRequest request;
        const char* field;
    } cases[] = {
        {{"", kInsurerNumber, kBirthDate}, "exchange_number"},
        {{"47 11", kInsurerNumber, kBirthDate}, "exchange_number"},
        {{kExchangeNumber, "", kBirthDate}, "insurer_number"},
        {{kExchangeNumber, "0613579X", kBirthDate}, "insurer_number"},
        {{kExchangeNumber, kInsurerNumber, Date{year{1961}, month{2}, day{30}}}, "birth_date"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.field);
        Error e = errorOf([&] { client().retrieve(c.request); });
        EXPECT_EQ(e.code(), "invalid_exchange_request");
        EXPECT_EQ(e.field(), c.field);
    }
    EXPECT_EQ(requests(), 0);
}

TEST_F(EPrescriptionTest, NoErrorMessageCarriesPatientData) {
    std::vector<Error> errors;
    auto collect = [&](auto&& call) { errors.push_back(errorOf(call)); };
    auto s = settings();
    s.max_attempts = 1;
    s.request_timeout = 200ms;

    collect([&] { client(s).retrieve({kExchangeNumber, "06135792", kBirthDate}); });
    collect([&] { client(s).retrieve({"4711000000000009", kInsurerNumber, kBirthDate}); });
    simulator_->faults().set({.fail_next = 1});
    collect([&] { client(s).retrieve(validRequest()); });
    simulator_->faults().set({.delay_ms = 1000});
    collect([&] { client(s).retrieve(validRequest()); });
    simulator_->faults().set({.close_next = 1});
    collect([&] { client(s).retrieve(validRequest()); });
    simulator_->faults().set({});
    client(s).registerDispensingResult(resultFor("RX-SEEDED-1"));
    collect([&] { client(s).retrieve(validRequest()); });
    collect([&] { client(s).retrieve({"bad number!", kInsurerNumber, kBirthDate}); });
    clock_.advance(std::chrono::hours(24 * 10));
    simulator_->registry().clearResults();
    collect([&] { client(s).retrieve(validRequest()); });

    ASSERT_EQ(errors.size(), 8u);
    for (const Error& e : errors) {
        SCOPED_TRACE(e.code());
        expectNoPatientData(e.what());
        expectNoPatientData(e.field());
    }
}

}  // namespace
}  // namespace rxdesk::testing
