#include <gtest/gtest.h>

#include <set>

#include "CheckFixtures.h"
#include "checks/RuleChecker.h"

namespace rxdesk::checks {
namespace {

using namespace fixtures;

TEST(RuleChecker, FindsNothingOnACleanPrescription) {
    EXPECT_TRUE(runChecks(rxWith(kPlain), context(Channel::Fax)).empty());
}

TEST(RuleChecker, CollectsFindingsOfEveryRule) {
    Prescription rx = rxWith(kNarcotic, prescription::DosageForm::Oral, 14);
    rx.issue_date = daysFromToday(-10);
    rx.remarks = {{1, std::nullopt, "0410対応"}};
    rx.online = {true, false};
    RpGroup extra = rx.rps[0];
    extra.rp_no = 2;
    extra.form = prescription::DosageForm::AsNeeded;
    extra.quantity = 1;
    extra.items[0].code = kContraceptive;
    rx.rps.push_back(extra);
    RpGroup misuse = extra;
    misuse.rp_no = 3;
    misuse.items[0].code = kDiabetes;
    rx.rps.push_back(misuse);

    const auto codes = codesOf(runChecks(rx, context(Channel::Fax)));
    const std::set<std::string> got(codes.begin(), codes.end());
    for (const char* code :
         {"rx_expired", "rx_online_mark_missing", "rx_0410_obsolete",
          "rx_initial_visit_controlled_drug", "rx_unknown_conditions_long_supply",
          "rx_unknown_conditions_high_risk", "rx_emergency_contraceptive_in_person",
          "rx_narcotic_licence_missing", "rx_narcotic_address_missing", "rx_misuse_suspect"}) {
        EXPECT_EQ(got.count(code), 1u) << code;
    }
}

TEST(RuleChecker, ListsEveryRuleOnceByName) {
    std::set<std::string_view> names;
    for (const Rule& rule : allRules()) {
        EXPECT_NE(rule.check, nullptr);
        names.insert(rule.name);
    }
    EXPECT_EQ(names.size(), allRules().size());
    EXPECT_EQ(allRules().size(), 9u);
}

TEST(RuleChecker, NeverThrowsOnAnEmptyPrescription) {
    EXPECT_NO_THROW(runChecks(Prescription{}, context(Channel::Fax)));
}

}  // namespace
}  // namespace rxdesk::checks
