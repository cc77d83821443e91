#include <gtest/gtest.h>

#include "CheckFixtures.h"
#include "checks/Rules.h"

namespace rxdesk::checks {
namespace {

using namespace fixtures;

struct ValidityCase {
    const char* name;
    std::optional<int> issued;  ///< days from today
    std::optional<int> use_by;  ///< days from today
    std::vector<std::string> codes;
};

TEST(ValidityRule, CountsFourDaysIncludingTheIssueDateUnlessAUseByDateIsGiven) {
    const ValidityCase cases[] = {
        {"issued today", 0, std::nullopt, {}},
        {"issued 2 days ago", -2, std::nullopt, {}},
        {"issued 3 days ago: last day", -3, std::nullopt, {"rx_expires_today"}},
        {"issued 4 days ago", -4, std::nullopt, {"rx_expired"}},
        {"issued 30 days ago", -30, std::nullopt, {"rx_expired"}},
        {"use-by later than 4 days", -10, 2, {}},
        {"use-by today", -10, 0, {"rx_expires_today"}},
        {"use-by yesterday", -10, -1, {"rx_expired"}},
        {"no issue date", std::nullopt, std::nullopt, {"rx_issue_date_missing"}},
        {"issued tomorrow", 1, std::nullopt, {"rx_issue_date_in_future"}},
    };
    for (const ValidityCase& c : cases) {
        SCOPED_TRACE(c.name);
        Prescription rx = rxWith(kPlain);
        rx.issue_date = c.issued ? std::optional(daysFromToday(*c.issued)) : std::nullopt;
        if (c.use_by) rx.use_by_date = daysFromToday(*c.use_by);
        EXPECT_EQ(codesOf(checkValidity(rx, context())), c.codes);
    }
}

TEST(ValidityRule, ExpiredIsAnErrorWithDatesAsEvidence) {
    Prescription rx = rxWith(kPlain);
    rx.issue_date = daysFromToday(-5);
    auto findings = checkValidity(rx, context());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::Error);
    EXPECT_EQ(findings[0].evidence, "交付日 2026-11-16 使用期限 2026-11-19");
}

TEST(ValidityRule, AppliesTheSameFourDaysToEPrescriptions) {
    Prescription rx = rxWith(kPlain);
    rx.issue_date = daysFromToday(-4);
    EXPECT_EQ(codesOf(checkValidity(rx, context(Channel::Eprescription))),
              std::vector<std::string>{"rx_expired"});
}

}  // namespace
}  // namespace rxdesk::checks
