// Failed logins are counted per source address as well as per login name: one guess each on
// many names (password spraying) locks the address, for a bounded time, and only that address.
#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "app/SettingsLoader.h"
#include "auth/AddressThrottle.h"
#include "integration/foundation/JsonText.h"
#include "integration/intake/IntakeFixture.h"
#include "integration/security/SourceAddressClient.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

std::string loginBody(const std::string& login, const std::string& password,
                      const std::string& totp) {
    return jsonOf({{"login", login}, {"password", password}, {"totp", totp}});
}

// Every request claims to come from 127.0.0.1: the server must not believe it.
const std::map<std::string, std::string> kForged{{"X-Forwarded-For", "127.0.0.1"},
                                                 {"X-Real-IP", "127.0.0.1"}};

}  // namespace

TEST(AddressThrottle, LocksAnAddressAfterFailuresOnManyNamesAndForgetsIt) {
    auth::AddressThrottle throttle({3, 60, 900, 900});
    std::int64_t now = 1000;
    for (int i = 0; i < 2; ++i) throttle.recordFailure("10.0.0.1", now);
    EXPECT_EQ(throttle.lockedFor("10.0.0.1", now), 0);
    throttle.recordFailure("10.0.0.1", now);
    EXPECT_EQ(throttle.lockedFor("10.0.0.1", now), 60);
    EXPECT_EQ(throttle.lockedFor("10.0.0.2", now), 0) << "other addresses are not affected";
    for (int i = 0; i < 40; ++i) throttle.recordFailure("10.0.0.1", now += 100);
    EXPECT_EQ(throttle.lockedFor("10.0.0.1", now), 900) << "capped";
    EXPECT_EQ(throttle.lockedFor("10.0.0.1", now + 900), 0) << "and over when the cap has passed";
    throttle.recordFailure("10.0.0.1", now + 2000);
    EXPECT_EQ(throttle.lockedFor("10.0.0.1", now + 2000), 0) << "old failures forgotten";
}

TEST(AddressThrottle, RemembersABoundedNumberOfAddresses) {
    auth::AddressThrottle throttle({3, 60, 900, 900}, 100);
    for (int i = 0; i < 5000; ++i) throttle.recordFailure("10.1." + std::to_string(i), 1000 + i);
    EXPECT_LE(throttle.tracked(), 100u);
    EXPECT_EQ(throttle.lockedFor("10.1.4999", 6000), 0);
    for (int i = 0; i < 3; ++i) throttle.recordFailure("10.2.0.1", 6000);
    EXPECT_GT(throttle.lockedFor("10.2.0.1", 6000), 0) << "the newest address is still counted";
}

TEST(AddressThrottle, IsConfiguredByTheLoginSettings) {
    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    auto noEnv = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
    auto defaults = app::loadSettings(*config, noEnv).auth.address_throttle;
    EXPECT_EQ(defaults.max_failures, 20);
    EXPECT_EQ(defaults.base_lock_seconds, 60);
    EXPECT_EQ(defaults.max_lock_seconds, 900);
    EXPECT_EQ(defaults.forget_after_seconds, 3600);
    config->setString("rxdesk.login.address_max_failures", "50");
    config->setString("rxdesk.login.address_lock_seconds", "120");
    auto set = app::loadSettings(*config, noEnv).auth.address_throttle;
    EXPECT_EQ(set.max_failures, 50);
    EXPECT_EQ(set.base_lock_seconds, 120);
    config->setString("rxdesk.login.address_max_failures", "0");
    EXPECT_THROW(app::loadSettings(*config, noEnv), Error);
}

TEST(AddressLockout, PasswordSprayingFromOneAddressLocksThatAddressOnly) {
    IntakeFixture f;
    const int port = f.server.port();
    const int limit = f.server.settings().auth.address_throttle.max_failures;  // 20
    ASSERT_EQ(limit, 20);
    // One guess each on many names: the per-name lock never triggers, the address one does.
    for (int i = 0; i < limit; ++i)
        EXPECT_EQ(
            requestFrom("127.0.0.2", port, "POST", "/api/v1/session",
                        loginBody("user" + std::to_string(i), "Guess-123456", "123456"), kForged),
            401)
            << i;
    EXPECT_EQ(requestFrom("127.0.0.2", port, "POST", "/api/v1/session",
                          loginBody("another", "Guess-123456", "123456"), kForged),
              429);
    // Locked: even the right credentials of a real account are refused from there …
    EXPECT_EQ(requestFrom("127.0.0.2", port, "POST", "/api/v1/session",
                          loginBody(f.pharmacist.login, f.pharmacist.password,
                                    f.server.freshTotp(f.pharmacist.totp_secret))),
              429);
    // … while the same account logs in from another address, the one the attacker forged.
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    EXPECT_EQ(pharmacist.get("/api/v1/prescriptions").status, 200);
    EXPECT_EQ(requestFrom("127.0.0.3", port, "POST", "/api/v1/session",
                          loginBody(f.clerk.login, f.clerk.password,
                                    f.server.freshTotp(f.clerk.totp_secret))),
              201);
    // The refusal is audited with the reason (no password, no code in it).
    SQLite::Database raw(f.server.settings().databasePath(), SQLite::OPEN_READONLY);
    EXPECT_GE(raw.execAndGet("SELECT COUNT(*) FROM audit_log WHERE action = 'session.create' "
                             "AND detail = 'address_locked' AND remote_addr = '127.0.0.2'")
                  .getInt(),
              2);
}

TEST(AddressLockout, TheAddressLockIsBoundedAndAttemptsWhileLockedDoNotExtendIt) {
    IntakeFixture f;
    const int port = f.server.port();
    auto fail = [&](int i) {
        return requestFrom("127.0.0.4", port, "POST", "/api/v1/session",
                           loginBody("spray" + std::to_string(i), "Guess-123456", "123456"));
    };
    auto rightLogin = [&] {
        // freshTotp moves the clock 30 s (a fresh step, so codes are never replayed).
        std::string code = f.server.freshTotp(f.clerk.totp_secret);
        return requestFrom("127.0.0.4", port, "POST", "/api/v1/session",
                           loginBody(f.clerk.login, f.clerk.password, code));
    };
    for (int i = 0; i < 20; ++i) ASSERT_EQ(fail(i), 401);
    // Hammering while locked is refused without being counted.
    for (int i = 0; i < 30; ++i) EXPECT_EQ(fail(100 + i), 429);
    f.server.clock().advance(std::chrono::seconds(61));
    EXPECT_EQ(rightLogin(), 201) << "60 s after the lock the real user gets in";
    // Each failure after a lock doubles it, up to 15 minutes and never more.
    std::int64_t expected[] = {120, 240, 480, 900, 900, 900};
    for (std::int64_t lock : expected) {
        ASSERT_EQ(fail(500), 401);
        f.server.clock().advance(std::chrono::seconds(lock - 31));
        EXPECT_EQ(rightLogin(), 429) << "still locked just before " << lock << " s";
        f.server.clock().advance(std::chrono::seconds(2));
        EXPECT_EQ(rightLogin(), 201) << "free after " << lock << " s";
    }
    // An hour without a failure and the address starts again from nothing.
    f.server.clock().advance(std::chrono::seconds(3601));
    for (int i = 0; i < 19; ++i) EXPECT_EQ(fail(1000 + i), 401);
    EXPECT_EQ(rightLogin(), 201);
}
