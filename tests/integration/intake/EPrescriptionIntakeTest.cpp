#include <gtest/gtest.h>

#include "eprescription_sim/EPrescriptionSimulator.h"
#include "integration/intake/IntakeFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

// A real simulator of the national service on a local port, and rxdesk configured for it.
struct EPrescriptionFixture {
    ManualClock sim_clock;
    eprescription_sim::EPrescriptionSimulator simulator{{}, sim_clock};
    std::unique_ptr<IntakeFixture> intake;

    EPrescriptionFixture() {
        simulator.start();
        // The fixture's server must know the simulator's URL before it starts.
        std::string url = simulator.baseUrl();
        intake = std::make_unique<IntakeFixture>(IntakeFixture::withSettings([url](app::Settings& s) {
            s.eprescription.base_url = url;
            s.eprescription.max_attempts = 2;
            s.eprescription.initial_backoff = std::chrono::milliseconds(10);
            s.eprescription.request_timeout = std::chrono::milliseconds(1500);
        }));
        sim_clock.set(intake->server.clock().now());
    }
    ~EPrescriptionFixture() { simulator.stop(); }

    std::string seed(const std::string& exchange_number) {
        return simulator.registry().add({"", exchange_number, intake->prescription("E-1")});
    }
};

std::string retrieveBody(const std::string& exchange, const std::string& insurer, const std::string& birth) {
    return R"({"exchange_number":")" + exchange + R"(","insurer_number":")" + insurer +
           R"(","birth_date":")" + birth + R"("})";
}

}  // namespace

TEST(EPrescriptionIntake, RetrievesByExchangeNumberIntoTheQueue) {
    EPrescriptionFixture f;
    f.seed("1234567890123456");
    TestClient clerk = f.intake->server.loggedIn(f.intake->clerk);
    Response r = clerk.post("/api/v1/eprescriptions/retrieve", retrieveBody("1234567890123456", "06012345", "1960-06-06"));
    ASSERT_EQ(r.status, 201) << r.body;
    auto view = r.json();
    EXPECT_EQ(view->getValue<std::string>("channel"), "eprescription");
    EXPECT_FALSE(view->has("original_state")) << "no paper original to wait for";
    EXPECT_EQ(view->getValue<std::string>("patient_name"), "日薬 太郎");
}

TEST(EPrescriptionIntake, UpstreamOutcomesBecomeClearErrors) {
    EPrescriptionFixture f;
    f.seed("1234567890123456");
    TestClient clerk = f.intake->server.loggedIn(f.intake->clerk);
    Response missing = clerk.post("/api/v1/eprescriptions/retrieve", retrieveBody("9999999999999999", "06012345", "1960-06-06"));
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.errorCode(), "eprescription_not_found");
    Response wrong = clerk.post("/api/v1/eprescriptions/retrieve", retrieveBody("1234567890123456", "06012345", "1970-01-01"));
    EXPECT_EQ(wrong.errorCode(), "eprescription_identity_mismatch");
    EXPECT_EQ(wrong.body.find("1970"), std::string::npos) << "no patient data in the message";

    f.simulator.faults().set({5, 503, 0, 0});
    Response down = clerk.post("/api/v1/eprescriptions/retrieve", retrieveBody("1234567890123456", "06012345", "1960-06-06"));
    EXPECT_EQ(down.status, 502);
    EXPECT_EQ(down.errorCode(), "upstream_unavailable");
    EXPECT_EQ(f.intake->count("prescriptions"), 0) << "nothing stored on failure";
    EXPECT_EQ(clerk.get("/healthz").status, 200);
}

TEST(EPrescriptionIntake, WithoutAConfiguredServiceTheAnswerSaysSo) {
    IntakeFixture f;
    TestClient clerk = f.server.loggedIn(f.clerk);
    Response r = clerk.post("/api/v1/eprescriptions/retrieve", retrieveBody("1234567890123456", "06012345", "1960-06-06"));
    EXPECT_EQ(r.status, 502);
    EXPECT_EQ(r.errorCode(), "eprescription_not_configured");
}

TEST(EPrescriptionIntake, TheDispensingResultIsRegisteredBeforeCompletion) {
    EPrescriptionFixture f;
    f.seed("1234567890123456");
    TestClient pharmacist = f.intake->server.loggedIn(f.intake->pharmacist);
    auto view = pharmacist.post("/api/v1/eprescriptions/retrieve", retrieveBody("1234567890123456", "06012345", "1960-06-06")).json();
    std::string base = "/api/v1/prescriptions/" + std::to_string(view->getValue<int>("id"));
    EXPECT_EQ(pharmacist.post(base + "/dispensing-result").errorCode(), "not_dispensed");
    int version = view->getValue<int>("version");
    for (const char* step : {"verify", "dispense", "record_guidance", "hand_over"}) {
        Response r = pharmacist.post(base + "/actions/" + step, "{\"version\":" + std::to_string(version) + "}");
        ASSERT_EQ(r.status, 200) << step << ": " << r.body;
        version = r.json()->getValue<int>("version");
    }
    Response early = pharmacist.post(base + "/actions/complete", "{\"version\":" + std::to_string(version) + "}");
    EXPECT_EQ(early.errorCode(), "dispensing_result_not_registered");

    Response registered = pharmacist.post(base + "/dispensing-result");
    ASSERT_EQ(registered.status, 200) << registered.body;
    EXPECT_TRUE(registered.json()->getValue<bool>("dispensing_result_registered"));
    version = registered.json()->getValue<int>("version");
    EXPECT_EQ(pharmacist.post(base + "/actions/complete", "{\"version\":" + std::to_string(version) + "}").status, 200);

    Response again = pharmacist.post("/api/v1/eprescriptions/retrieve", retrieveBody("1234567890123456", "06012345", "1960-06-06"));
    EXPECT_EQ(again.errorCode(), "eprescription_already_dispensed");
}
