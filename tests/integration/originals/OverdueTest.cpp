#include <gtest/gtest.h>

#include "integration/originals/OriginalsFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

// The outstanding list as prescription number → entry, and the numbers in list order.
struct Outstanding {
    std::vector<std::string> order;
    std::map<std::string, Poco::JSON::Object::Ptr> by_number;
};

Outstanding outstanding(OriginalsFixture& f, const std::string& query = "") {
    TestClient clerk = f.server.loggedIn(f.clerk);
    Response r = clerk.get("/api/v1/originals/outstanding" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    Outstanding out;
    auto list = r.json()->getArray("originals");
    for (size_t i = 0; i < list->size(); ++i) {
        auto entry = list->getObject(i);
        out.order.push_back(entry->getValue<std::string>("prescription_number"));
        out.by_number[out.order.back()] = entry;
    }
    return out;
}

std::string text(const Poco::JSON::Object::Ptr& o, const std::string& key) {
    return o->has(key) ? o->getValue<std::string>(key) : "";
}

}  // namespace

// Defaults: 7 days after dispensing, moved to the next business day; at the latest the 3rd
// business day of the next month (claim cut-off).
TEST(OverdueOriginals, DeadlinesFollowMonthEndsHolidaysAndTheYearEndClosure) {
    OriginalsFixture f;
    f.setDay(OriginalsFixture::day(2025, 12, 26));  // Fri
    f.dispense(f.faxIn(f.prescription("YEAR-END")));
    f.setDay(OriginalsFixture::day(2026, 1, 30));  // Fri, last business day of January
    f.dispense(f.faxIn(f.prescription("MONTH-END")));
    f.setDay(OriginalsFixture::day(2026, 2, 2));
    f.faxIn(f.prescription("NOT-DISPENSED"));

    f.setDay(OriginalsFixture::day(2026, 2, 4));
    auto list = outstanding(f);
    EXPECT_EQ(list.order, (std::vector<std::string>{"YEAR-END", "MONTH-END", "NOT-DISPENSED"}))
        << "most urgent first; not dispensed last";
    auto year_end = list.by_number["YEAR-END"];
    EXPECT_EQ(text(year_end, "due_on"), "2026-01-05") << "2026-01-02 falls in the 年末年始 closure";
    EXPECT_EQ(text(year_end, "due_reason"), "mail_deadline");
    EXPECT_TRUE(year_end->getValue<bool>("overdue"));
    EXPECT_EQ(year_end->getValue<int>("days_overdue"), 30);
    EXPECT_EQ(year_end->getValue<int>("age_days"), 40);
    auto month_end = list.by_number["MONTH-END"];
    EXPECT_EQ(text(month_end, "due_on"), "2026-02-04") << "the claim cut-off comes before 02-06";
    EXPECT_EQ(text(month_end, "due_reason"), "claim_cutoff");
    EXPECT_FALSE(month_end->getValue<bool>("overdue")) << "due today is not late yet";
    EXPECT_EQ(month_end->getValue<int>("days_until_due"), 0);
    auto waiting = list.by_number["NOT-DISPENSED"];
    EXPECT_FALSE(waiting->has("due_on")) << "no deadline runs before dispensing";
    EXPECT_FALSE(waiting->getValue<bool>("overdue"));
    EXPECT_EQ(waiting->getValue<int>("age_days"), 2);

    f.setDay(OriginalsFixture::day(2026, 2, 5));
    month_end = outstanding(f).by_number["MONTH-END"];
    EXPECT_TRUE(month_end->getValue<bool>("overdue"));
    EXPECT_EQ(month_end->getValue<int>("days_overdue"), 1);
}

TEST(OverdueOriginals, GoldenWeekHolidaysMoveTheDeadline) {
    OriginalsFixture f;
    f.setDay(OriginalsFixture::day(2026, 4, 27));  // Mon; +7 = 05-04 みどりの日
    f.dispense(f.faxIn(f.prescription("GW")));
    f.setDay(OriginalsFixture::day(2026, 5, 7));
    auto entry = outstanding(f).by_number["GW"];
    EXPECT_EQ(text(entry, "due_on"), "2026-05-07")
        << "05-04, 05-05 and the substitute holiday 05-06 are closed";
    EXPECT_FALSE(entry->getValue<bool>("overdue"));
    f.setDay(OriginalsFixture::day(2026, 5, 8));
    EXPECT_TRUE(outstanding(f).by_number["GW"]->getValue<bool>("overdue"));
}

TEST(OverdueOriginals, AClinicsOwnDeadlineAppliesAndArrivedOriginalsLeaveTheList) {
    OriginalsFixture f;
    f.setDay(OriginalsFixture::day(2026, 6, 1));  // Mon
    std::string clinic = f.registerClinic(3);
    std::string id = f.faxIn(f.prescription("OWN"));
    f.dispense(id);
    std::string other = f.faxIn(f.prescription("OTHER"));
    auto list = outstanding(f, "?clinic_id=" + clinic);
    ASSERT_EQ(list.order.size(), 2u);
    EXPECT_EQ(text(list.by_number["OWN"], "due_on"), "2026-06-04");
    EXPECT_EQ(text(list.by_number["OWN"], "clinic_name"), "医療法人 工業会病院");
    EXPECT_EQ(outstanding(f, "?clinic_id=999").order.size(), 0u);

    TestClient clerk = f.server.loggedIn(f.clerk);
    Response arrived = clerk.post("/api/v1/prescriptions/" + other + "/original",
                                  R"({"version":1,"arrived_without_scan":true})");
    ASSERT_EQ(arrived.status, 200) << arrived.body;
    EXPECT_EQ(outstanding(f).order, std::vector<std::string>{"OWN"});
}
