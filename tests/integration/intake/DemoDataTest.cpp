#include <gtest/gtest.h>

#include <set>

#include "app/DemoData.h"
#include "integration/intake/IntakeFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

TEST(DemoData, FillsTheQueueWithAPrescriptionInEveryStateOnce) {
    IntakeFixture f;
    auth::Principal pharmacist;
    pharmacist.kind = auth::Principal::Kind::User;
    pharmacist.id = f.pharmacist.id;
    pharmacist.name = f.pharmacist.login;
    pharmacist.role = auth::Role::Pharmacist;
    auto report = app::loadDemoPrescriptions(f.server.services(), pharmacist);
    EXPECT_EQ(report.clinics, 2);
    EXPECT_EQ(report.prescriptions, 12);
    EXPECT_EQ(app::loadDemoPrescriptions(f.server.services(), pharmacist).prescriptions, 0) << "idempotent";

    SQLite::Database raw(f.server.settings().databasePath(), SQLite::OPEN_READONLY);
    SQLite::Statement q(raw, "SELECT DISTINCT status FROM prescriptions");
    std::set<std::string> states;
    while (q.executeStep()) states.insert(q.getColumn(0).getString());
    EXPECT_EQ(states, (std::set<std::string>{"received", "verified", "inquiry", "dispensed", "guided",
                                             "handed_over", "shipped", "delivered", "completed", "on_hold",
                                             "cancelled", "misdirected"}));
}
