#include <gtest/gtest.h>

#include "CheckFixtures.h"
#include "checks/Rules.h"

namespace rxdesk::checks {
namespace {

using namespace fixtures;

struct NarcoticCase {
    const char* name;
    std::string code;
    std::optional<prescription::NarcoticInfo> record;
    std::vector<std::string> codes;
};

TEST(ControlledDrugRules, NarcoticsNeedLicenceNumberAndPatientAddress) {
    const NarcoticCase cases[] = {
        {"complete record 61",
         kNarcotic,
         prescription::NarcoticInfo{"12345", "東京都港区", "03"},
         {}},
        {"phone is optional", kNarcotic, prescription::NarcoticInfo{"12345", "東京都港区", ""}, {}},
        {"no record 61",
         kNarcotic,
         std::nullopt,
         {"rx_narcotic_licence_missing", "rx_narcotic_address_missing"}},
        {"no licence",
         kNarcotic,
         prescription::NarcoticInfo{"", "東京都港区", "03"},
         {"rx_narcotic_licence_missing"}},
        {"no address",
         kNarcotic,
         prescription::NarcoticInfo{"12345", "", "03"},
         {"rx_narcotic_address_missing"}},
        {"no narcotic", kPsychotropic, std::nullopt, {}},
    };
    for (const NarcoticCase& c : cases) {
        SCOPED_TRACE(c.name);
        Prescription rx = rxWith(c.code);
        rx.narcotic = c.record;
        auto findings = checkNarcoticRecord(rx, context());
        EXPECT_EQ(codesOf(findings), c.codes);
        for (const Finding& f : findings) EXPECT_EQ(f.severity, Severity::Error);
    }
}

struct MisuseCase {
    std::string code;
    bool flagged;
    const char* message_part;
};

TEST(ControlledDrugRules, FlagsDrugsOpenToMisuse) {
    const MisuseCase cases[] = {
        {kPsychotropic, true, "睡眠薬・向精神薬"},
        {kDiuretic, true, "利尿薬"},
        {kDiabetes, true, "糖尿病用薬"},
        {kMoisturiser, true, "保湿剤"},
        {kPlain, false, ""},
        {kHighRisk, false, ""},
        {kNarcotic, false, ""},
    };
    for (const MisuseCase& c : cases) {
        SCOPED_TRACE(c.code);
        auto findings = checkMisuseSuspects(rxWith(c.code), context());
        if (!c.flagged) {
            EXPECT_TRUE(findings.empty());
            continue;
        }
        ASSERT_EQ(findings.size(), 1u);
        EXPECT_EQ(findings[0].code, "rx_misuse_suspect");
        EXPECT_EQ(findings[0].severity, Severity::Warning);
        EXPECT_NE(findings[0].message.find(c.message_part), std::string::npos);
        EXPECT_EQ(findings[0].evidence, "RP1 薬" + c.code);
    }
}

}  // namespace
}  // namespace rxdesk::checks
