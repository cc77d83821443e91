#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include "EPrescriptionFixture.h"
#include "core/TextEncoding.h"
#include "eprescription/WireFormat.h"
#include "eprescription_sim/DemoPrescriptions.h"
#include "eprescription_sim/SeedFile.h"
#include "jahis/JahisWriter.h"

namespace rxdesk::testing {
namespace {

using eprescription::WireFormat;
using eprescription_sim::SeedFile;

struct Answer {
    int status = 0;
    std::string body;
};

Answer call(int port, const std::string& method, const std::string& path,
            const std::string& body = "") {
    Poco::Net::HTTPClientSession session("127.0.0.1", Poco::UInt16(port));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/json");
    request.setContentLength(std::streamsize(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    Answer answer{int(response.getStatus()), {}};
    Poco::StreamCopier::copyToString(in, answer.body);
    return answer;
}

std::string jsonEscaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\r')
            out += "\\r";
        else if (c == '\n')
            out += "\\n";
        else if (c == '"')
            out += "\\\"";
        else
            out += c;
    }
    return out;
}

TEST_F(EPrescriptionTest, ControlEndpointSetsFaultsAndCountsRequests) {
    const int port = simulator_->port();
    Answer set = call(port, "POST", "/control/faults", R"({"fail_next":1,"fail_status":502})");
    EXPECT_EQ(set.status, 200);
    EXPECT_EQ(simulator_->faults().current().fail_status, 502);

    EXPECT_EQ(client().retrieve(validRequest()).prescription_id, "RX-SEEDED-1");
    EXPECT_EQ(sleeper_.delays().size(), 1u);

    Answer stats = call(port, "GET", "/control/stats");
    EXPECT_NE(stats.body.find("\"requests\":2"), std::string::npos) << stats.body;

    EXPECT_EQ(call(port, "POST", "/control/reset").status, 200);
    EXPECT_EQ(simulator_->faults().requestCount(), 0);
    EXPECT_EQ(call(port, "POST", "/control/faults", R"({"delay_ms":"soon"})").status, 400);
}

TEST_F(EPrescriptionTest, ControlEndpointSeedsPrescriptions) {
    prescription::Prescription p = seededPrescription();
    p.patient.birth_date = Date{year{2001}, month{1}, day{2}};
    const std::string seed = R"({"prescriptions":[{"exchange_number":"4711000000000077",)"
                             R"("jahis":")" +
                             jsonEscaped(jahis::JahisWriter::write(p)) + R"("}]})";
    Answer added = call(simulator_->port(), "POST", "/control/prescriptions", seed);
    ASSERT_EQ(added.status, 200) << added.body;

    auto retrieved =
        client().retrieve({"4711000000000077", kInsurerNumber, Date{year{2001}, month{1}, day{2}}});
    EXPECT_EQ(retrieved.prescription, p);
}

TEST_F(EPrescriptionTest, ServiceAnswersMalformedRequestsWithInvalidRequest) {
    Answer a = call(simulator_->port(), "POST", std::string(WireFormat::kRetrievePath),
                    R"({"exchange_number":"1"})");
    EXPECT_EQ(a.status, 400);
    EXPECT_EQ(WireFormat::errorFromResponse(a.status, a.body).code(),
              "eprescription_invalid_request");
    EXPECT_EQ(call(simulator_->port(), "GET", std::string(WireFormat::kRetrievePath)).status, 405);
}

TEST_F(EPrescriptionTest, RepeatedRegisterRequestIdAnswersTheFirstReceipt) {
    eprescription::DispensingResult result;
    result.prescription_id = "RX-SEEDED-1";
    result.items = {
        {1, prescription::DrugCodeSystem::Claims, "620000099", "試験薬錠10mg", "2", "錠", 7}};
    result.pharmacist = {"薬局 薬子", ""};
    result.dispensed_at = clock_.now();
    const std::string path(WireFormat::kRegisterPath);
    Answer first = call(simulator_->port(), "POST", path,
                        WireFormat::encodeRegisterRequest("same-id", result));
    Answer repeat = call(simulator_->port(), "POST", path,
                         WireFormat::encodeRegisterRequest("same-id", result));
    Answer other = call(simulator_->port(), "POST", path,
                        WireFormat::encodeRegisterRequest("other-id", result));
    EXPECT_EQ(first.status, 200);
    EXPECT_EQ(repeat.status, 200);
    EXPECT_EQ(WireFormat::decodeRegisterResponse(first.body),
              WireFormat::decodeRegisterResponse(repeat.body));
    EXPECT_EQ(other.status, 409);
}

TEST(EPrescriptionSeedFile, ReadsInlineAndFileJahisAndShiftsIssueDates) {
    prescription::Prescription p = seededPrescription();
    p.use_by_date = Date{year{2026}, month{11}, day{27}};  // 7 days after issue
    TempFile jahis_file(utf8ToCp932(jahis::JahisWriter::write(p)).value());
    const std::string json = R"({"prescriptions":[
        {"exchange_number":"A1","jahis":")" +
                             jsonEscaped(jahis::JahisWriter::write(seededPrescription())) + R"("},
        {"exchange_number":"A2","prescription_id":"RX-F","jahis_file":")" +
                             jahis_file.path() + R"(","issued_days_ago":2}]})";
    const Date today{year{2027}, month{1}, day{10}};

    auto seeds = SeedFile::parse(json, today);

    ASSERT_EQ(seeds.size(), 2u);
    EXPECT_EQ(seeds[0].exchange_number, "A1");
    EXPECT_EQ(seeds[0].prescription, seededPrescription());
    EXPECT_EQ(seeds[1].prescription_id, "RX-F");
    EXPECT_EQ(seeds[1].prescription.issue_date, (Date{year{2027}, month{1}, day{8}}));
    EXPECT_EQ(seeds[1].prescription.use_by_date, (Date{year{2027}, month{1}, day{15}}));
    EXPECT_EQ(seeds[1].prescription.patient, seededPrescription().patient);
}

TEST(EPrescriptionSeedFile, RejectsMalformedEntries) {
    const char* cases[] = {
        "not json",
        R"({"prescriptions":{}})",
        R"({"prescriptions":[{"jahis":"JAHIS10\r\n"}]})",
        R"({"prescriptions":[{"exchange_number":"A"}]})",
        R"({"prescriptions":[{"exchange_number":"A","jahis":"no header"}]})",
        R"({"prescriptions":[{"exchange_number":"A","jahis_file":"/nonexistent/rx.txt"}]})",
    };
    for (const char* json : cases) {
        SCOPED_TRACE(json);
        EXPECT_THROW(SeedFile::parse(json, kIssueDate), Error);
    }
}

TEST(EPrescriptionSimulatorRegistry, RejectsSeedsTheIdentityCheckCannotUse) {
    ManualClock clock;
    eprescription_sim::PrescriptionRegistry registry(clock);
    prescription::Prescription no_birth = seededPrescription();
    no_birth.patient.birth_date.reset();
    EXPECT_THROW(registry.add({"", "X1", no_birth}), Error);
    registry.add({"", "X2", seededPrescription()});
    EXPECT_THROW(registry.add({"", "X2", seededPrescription()}), Error);
}

TEST(EPrescriptionDemo, DemoPrescriptionsAreValidTodayExceptTheExpiredOne) {
    ManualClock clock;
    clock.set(tokyoTime(kIssueDate, 9 * 60));
    eprescription_sim::PrescriptionRegistry registry(clock);
    for (auto& seed : eprescription_sim::demoPrescriptions(kIssueDate)) registry.add(seed);
    auto valid =
        registry.retrieve({"1000000000000001", "06139999", Date{year{1985}, month{4}, day{1}}});
    auto use_by =
        registry.retrieve({"1000000000000002", "06139999", Date{year{1950}, month{12}, day{24}}});
    auto expired =
        registry.retrieve({"1000000000000003", "06139999", Date{year{1972}, month{7}, day{7}}});
    EXPECT_TRUE(std::holds_alternative<eprescription::RetrievedPrescription>(valid));
    EXPECT_TRUE(std::holds_alternative<eprescription::RetrievedPrescription>(use_by));
    ASSERT_TRUE(std::holds_alternative<eprescription::ServiceError>(expired));
    EXPECT_EQ(std::get<eprescription::ServiceError>(expired), eprescription::ServiceError::Expired);
}

}  // namespace
}  // namespace rxdesk::testing
