#include <gtest/gtest.h>

#include "http/RequestContext.h"
#include "integration/intake/IntakeFixture.h"
#include "prescription_json/PrescriptionJson.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

std::string submission(const std::string& reference, const prescription::Prescription& rx,
                       std::optional<bool> initial_visit = std::nullopt) {
    Poco::JSON::Object o;
    o.set("client_reference", reference);
    o.set("prescription", prescription_json::encodePrescription(rx));
    if (initial_visit) {
        Poco::JSON::Object online;
        online.set("initial_visit", *initial_visit);
        online.set("underlying_conditions_known", true);
        o.set("online", online);
    }
    return http::toJson(o);
}

std::string jahisSubmission(const std::string& reference, const prescription::Prescription& rx) {
    Poco::JSON::Object o;
    o.set("client_reference", reference);
    o.set("jahis", jahis::JahisWriter::write(rx));
    return http::toJson(o);
}

}  // namespace

TEST(ClinicIntake, StructuredJsonIsQueuedAndTheSameReferenceIsIdempotent) {
    IntakeFixture f;
    std::string body = submission("sakura-0001", f.prescription());
    Response first = f.clinic.post("/api/v1/prescriptions", body);
    ASSERT_EQ(first.status, 201) << first.body;
    auto id = first.json()->getValue<int>("id");
    EXPECT_EQ(first.json()->getValue<std::string>("client_reference"), "sakura-0001");

    Response again = f.clinic.post("/api/v1/prescriptions", body);
    EXPECT_EQ(again.status, 200);
    EXPECT_EQ(again.json()->getValue<int>("id"), id);
    EXPECT_EQ(again.header("Idempotent-Replayed"), "true");

    Response clash = f.clinic.post("/api/v1/prescriptions", submission("sakura-0001", f.prescription("RX-0002")));
    EXPECT_EQ(clash.status, 409);
    EXPECT_EQ(clash.errorCode(), "reference_reused");
    EXPECT_EQ(f.count("prescriptions"), 1);

    TestClient clerk = f.server.loggedIn(f.clerk);
    auto view = clerk.get("/api/v1/prescriptions/" + std::to_string(id)).json();
    EXPECT_EQ(view->getValue<std::string>("channel"), "clinic_api");
    auto stored = prescription_json::decodePrescription(*view->getObject("prescription"));
    auto expected = f.prescription();
    EXPECT_EQ(stored.patient, expected.patient);
    EXPECT_EQ(stored.rps, expected.rps);
}

TEST(ClinicIntake, JahisTextIsAcceptedToo) {
    IntakeFixture f;
    Response r = f.clinic.post("/api/v1/prescriptions", jahisSubmission("sakura-jahis", f.prescription()));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_TRUE(r.json()->getValue<bool>("qr_read"));
}

TEST(ClinicIntake, AClinicSeesItsOwnPrescriptionsAndNobodyElses) {
    IntakeFixture f;
    auto id = std::to_string(f.clinic.post("/api/v1/prescriptions", submission("own", f.prescription()))
                                 .json()->getValue<int>("id"));
    Response own = f.clinic.get("/api/v1/prescriptions/" + id);
    ASSERT_EQ(own.status, 200);
    EXPECT_EQ(own.json()->getValue<std::string>("status"), "received");
    EXPECT_FALSE(own.json()->has("prescription")) << "status only, not the pharmacist's view";
    EXPECT_FALSE(own.json()->has("findings"));

    TestClient other = f.server.apiClient(auth::ClientKind::Clinic, "1311234567");
    EXPECT_EQ(other.get("/api/v1/prescriptions/" + id).status, 404);
    EXPECT_EQ(other.get("/api/v1/prescriptions").status, 403) << "clinics cannot list the queue";
    Response faxed = f.sendFax(f.blankFax());
    EXPECT_EQ(f.clinic.get("/api/v1/prescriptions/" + std::to_string(faxed.json()->getValue<int>("id"))).status, 404);
}

TEST(ClinicIntake, AClinicCannotSubmitForAnotherInstitution) {
    IntakeFixture f;
    auto rx = f.prescription();
    rx.institution.code = "7654321";
    Response r = f.clinic.post("/api/v1/prescriptions", submission("other-inst", rx));
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(r.errorCode(), "institution_mismatch");
    EXPECT_EQ(f.count("prescriptions"), 0);
}

TEST(ClinicIntake, TheSamePrescriptionByFaxAndByApiIsLinked) {
    IntakeFixture f;
    auto faxed = f.sendFax(f.faxOf(f.prescription("RX-0777"))).json()->getValue<int>("id");
    auto pushed = f.clinic.post("/api/v1/prescriptions", submission("dup", f.prescription("RX-0777")))
                      .json()->getValue<int>("id");
    TestClient clerk = f.server.loggedIn(f.clerk);
    EXPECT_EQ(clerk.get("/api/v1/prescriptions/" + std::to_string(pushed)).json()->getValue<int>("duplicate_of"), faxed);
}

TEST(ClinicIntake, RuleFindingsComeFromRealRequests) {
    IntakeFixture f;
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    auto findingsOf = [&](const std::string& reference, prescription::Prescription rx,
                          std::optional<bool> initial_visit = std::nullopt) {
        Response r = f.clinic.post("/api/v1/prescriptions", submission(reference, rx, initial_visit));
        EXPECT_EQ(r.status, 201) << r.body;
        return IntakeFixture::findingCodes(
            pharmacist.get("/api/v1/prescriptions/" + std::to_string(r.json()->getValue<int>("id"))).json());
    };

    auto expired = f.prescription("R1");
    expired.issue_date = tokyoDate(f.server.clock().now() - std::chrono::hours(24 * 10));
    EXPECT_TRUE(IntakeFixture::has(findingsOf("r1", expired), "rx_expired"));

    auto old_mark = f.prescription("R2");
    old_mark.remarks = {{1, std::nullopt, "0410対応"}};
    EXPECT_TRUE(IntakeFixture::has(findingsOf("r2", old_mark), "rx_0410_obsolete"));

    auto narcotic = f.prescription("R3");
    narcotic.rps[0].items[0].name = "モルヒネ塩酸塩錠10mg";
    narcotic.rps[0].items[0].code = "";
    narcotic.rps[0].items[0].code_system = prescription::DrugCodeSystem::None;
    auto codes = findingsOf("r3", narcotic, true);
    EXPECT_TRUE(IntakeFixture::has(codes, "rx_initial_visit_controlled_drug"));
    EXPECT_TRUE(IntakeFixture::has(codes, "rx_narcotic_licence_missing"));

    auto contraceptive = f.prescription("R4");
    contraceptive.rps.resize(1);
    contraceptive.rps[0].items.resize(1);
    contraceptive.rps[0].items[0].name = "レボノルゲストレル錠1.5mg";
    contraceptive.rps[0].items[0].code = "";
    contraceptive.rps[0].items[0].code_system = prescription::DrugCodeSystem::None;
    EXPECT_TRUE(IntakeFixture::has(findingsOf("r4", contraceptive), "rx_emergency_contraceptive_in_person"));

    EXPECT_TRUE(IntakeFixture::has(
        IntakeFixture::findingCodes(pharmacist.get("/api/v1/prescriptions/" + std::to_string(
            f.sendFax(f.faxOf([&] { auto rx = f.prescription("R5"); rx.remarks.clear(); return rx; }()))
                .json()->getValue<int>("id"))).json()),
        "rx_online_mark_missing"));
}
