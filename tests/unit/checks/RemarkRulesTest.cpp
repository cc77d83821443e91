#include <gtest/gtest.h>

#include "CheckFixtures.h"
#include "checks/Rules.h"

namespace rxdesk::checks {
namespace {

using namespace fixtures;

struct MarkCase {
    Channel channel;
    std::vector<std::string> remarks;
    std::vector<std::string> codes;
};

TEST(RemarkRules, FaxedPrescriptionsNeedTheOnlineMark) {
    const MarkCase cases[] = {
        {Channel::Fax, {"オンライン対応"}, {}},
        {Channel::Fax, {"一包化", "オンライン対応（○○クリニック）"}, {}},
        {Channel::Fax, {}, {"rx_online_mark_missing"}},
        {Channel::Fax, {"一包化"}, {"rx_online_mark_missing"}},
        {Channel::Counter, {}, {}},
        {Channel::Eprescription, {}, {}},
        {Channel::ClinicApi, {}, {}},
    };
    for (const MarkCase& c : cases) {
        SCOPED_TRACE(std::string(toString(c.channel)) + " " + std::to_string(c.remarks.size()));
        Prescription rx = rxWith(kPlain);
        rx.remarks.clear();
        int seq = 1;
        for (const std::string& text : c.remarks) rx.remarks.push_back({seq++, std::nullopt, text});
        EXPECT_EQ(codesOf(checkOnlineMark(rx, context(c.channel))), c.codes);
    }
}

TEST(RemarkRules, FlagsTheObsolete0410Mark) {
    for (const char* remark : {"0410対応", "０４１０対応", "新型コロナ 0410対応"}) {
        Prescription rx = rxWith(kPlain);
        rx.remarks = {{1, std::nullopt, remark}};
        auto findings = checkObsolete0410Mark(rx, context(Channel::Fax));
        ASSERT_EQ(codesOf(findings), std::vector<std::string>{"rx_0410_obsolete"}) << remark;
        EXPECT_EQ(findings[0].severity, Severity::Warning);
    }
    EXPECT_TRUE(checkObsolete0410Mark(rxWith(kPlain), context(Channel::Fax)).empty());
}

}  // namespace
}  // namespace rxdesk::checks
