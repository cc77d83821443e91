// Data-level access checks on top of the route × role matrix (AccessMatrixTest): whose data
// a caller may see, not only which routes it may call.
#include <gtest/gtest.h>

#include "integration/foundation/JsonText.h"
#include "integration/hostile/HostileFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

std::string loginBody(const Staff& s, const std::string& password, const std::string& totp) {
    return jsonOf({{"login", s.login}, {"password", password}, {"totp", totp}});
}

}  // namespace

TEST(DataAccess, AClinicCannotReachAnotherClinicsPrescriptionByAnyRoute) {
    HostileFixture f;
    const std::string id = std::to_string(f.seeded_id);  // submitted by f.clinic
    TestClient other = f.server.apiClient(auth::ClientKind::Clinic, "1319999999");
    TestClient same_institution = f.server.apiClient(auth::ClientKind::Clinic, "1311234567");
    for (TestClient* c : {&other, &same_institution}) {
        EXPECT_EQ(c->get("/api/v1/prescriptions/" + id).status, 404) << "not even its existence";
        for (const std::string& path : std::vector<std::string>{
                 "/api/v1/prescriptions", "/api/v1/prescriptions/" + id + "/timeline",
                 "/api/v1/prescriptions/" + id + "/pages/fax/1",
                 "/api/v1/prescriptions/" + id + "/original"}) {
            int status = c->get(path).status;
            EXPECT_TRUE(status == 403 || status == 404) << path << " → " << status;
        }
    }
    // Ids are guessable; a walk over them shows nothing either.
    for (int guess = 1; guess <= 20; ++guess)
        EXPECT_EQ(other.get("/api/v1/prescriptions/" + std::to_string(guess)).status, 404);
    // A fax arrived from no clinic: no clinic can read it.
    Response fax = f.sendFax(f.faxOf(f.prescription("RX-FAX")));
    ASSERT_EQ(fax.status, 201);
    EXPECT_EQ(
        f.clinic.get("/api/v1/prescriptions/" + std::to_string(fax.json()->getValue<int>("id")))
            .status,
        404);
    EXPECT_EQ(f.clinic.get("/api/v1/prescriptions/" + id).status, 200) << "control: its own";
    // A fax gateway only delivers.
    EXPECT_EQ(f.gateway.get("/api/v1/prescriptions/" + id).status, 403);
    EXPECT_EQ(f.gateway.get("/api/v1/prescriptions").status, 403);
}

TEST(DataAccess, DeliveryStaffCannotReadPrescriptions) {
    HostileFixture f;
    const std::string id = std::to_string(f.seeded_id);
    TestClient delivery = f.server.loggedIn(f.delivery);
    for (const std::string& path : std::vector<std::string>{
             "/api/v1/prescriptions", "/api/v1/prescriptions/" + id,
             "/api/v1/prescriptions/" + id + "/timeline",
             "/api/v1/prescriptions/" + id + "/pages/fax/1",
             "/api/v1/prescriptions/" + id + "/pages/fax/1/preview",
             "/api/v1/prescriptions/" + id + "/original", "/api/v1/originals/outstanding",
             "/api/v1/users", "/api/v1/audit/verification", "/api/v1/guidance/appointments"}) {
        Response r = delivery.get(path);
        EXPECT_EQ(r.status, 403) << path;
        EXPECT_EQ(r.body.find("日薬"), std::string::npos) << path;
    }
    EXPECT_EQ(delivery.post("/api/v1/prescriptions/" + id + "/actions/verify").status, 403);
    EXPECT_EQ(delivery.request("PUT", "/api/v1/prescriptions/" + id + "/content", "{}").status,
              403);
}

TEST(DataAccess, ADisabledUserIsOutAtOnceOnEverySession) {
    HostileFixture f;
    TestClient first = f.server.loggedIn(f.clerk);
    TestClient second = f.server.loggedIn(f.clerk);
    ASSERT_EQ(first.get("/api/v1/prescriptions").status, 200);
    TestClient admin = f.server.loggedIn(f.admin);
    ASSERT_EQ(admin.post("/api/v1/users/" + f.clerk.login + "/disable").status, 204);
    for (TestClient* c : {&first, &second}) {
        EXPECT_EQ(c->get("/api/v1/prescriptions").status, 401);
        EXPECT_EQ(c->post("/api/v1/prescriptions/1/actions/verify").status, 401);
    }
    TestClient again = f.server.client();
    Response login =
        again.post("/api/v1/session",
                   loginBody(f.clerk, f.clerk.password, f.server.freshTotp(f.clerk.totp_secret)));
    EXPECT_EQ(login.status, 401) << "the right password and code do not help";
}

TEST(DataAccess, BruteForceIsLockedOutWithGrowingWaitsAndTheRightPasswordDoesNotHelp) {
    // freshTotp() moves the clock 30 s a call: a 10-minute first lock keeps the steps apart.
    TestServerOptions options;
    options.settings = [](app::Settings& s) { s.auth.throttle.base_lock_seconds = 600; };
    HostileFixture f(std::move(options));
    TestClient attacker = f.server.client();
    int attempts = 0, locked = 0;
    for (int i = 0; i < 30; ++i) {
        Response r = attacker.post("/api/v1/session",
                                   loginBody(f.pharmacist, "guess-" + std::to_string(i), "123456"));
        ++attempts;
        if (r.status == 429) {
            ++locked;
            EXPECT_EQ(r.errorCode(), "login_locked");
            EXPECT_FALSE(r.header("Retry-After").empty());
        } else {
            EXPECT_EQ(r.status, 401);
        }
    }
    EXPECT_EQ(attempts - locked, 5) << "five guesses, then locked";
    Response right =
        attacker.post("/api/v1/session", loginBody(f.pharmacist, f.pharmacist.password,
                                                   f.server.freshTotp(f.pharmacist.totp_secret)));
    EXPECT_EQ(right.status, 429) << "locked even with the right credentials";
    // The lock is per login: another account is unaffected.
    EXPECT_EQ(f.server.client()
                  .post("/api/v1/session", loginBody(f.clerk, f.clerk.password,
                                                     f.server.freshTotp(f.clerk.totp_secret)))
                  .status,
              201);
    // After the lock, a further failure locks for longer (exponential backoff).
    f.server.clock().advance(std::chrono::seconds(601));
    EXPECT_EQ(attacker.post("/api/v1/session", loginBody(f.pharmacist, "again", "123456")).status,
              401);
    EXPECT_EQ(attacker
                  .post("/api/v1/session", loginBody(f.pharmacist, f.pharmacist.password,
                                                     f.server.freshTotp(f.pharmacist.totp_secret)))
                  .status,
              429);
    f.server.clock().advance(std::chrono::seconds(601));
    EXPECT_EQ(attacker
                  .post("/api/v1/session", loginBody(f.pharmacist, f.pharmacist.password,
                                                     f.server.freshTotp(f.pharmacist.totp_secret)))
                  .status,
              429)
        << "the second lock is longer than the first";
    // A right password with a wrong TOTP code counts as a failure too.
    f.server.clock().advance(std::chrono::hours(2));
    EXPECT_EQ(
        attacker.post("/api/v1/session", loginBody(f.pharmacist, f.pharmacist.password, "000000"))
            .status,
        401);
}
