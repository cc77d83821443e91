// Bad input becomes findings with a line number, and the rest of the prescription survives.
#include <gtest/gtest.h>

#include <algorithm>

#include "jahis/JahisParser.h"

namespace rxdesk::jahis {
namespace {

using prescription::Finding;
using prescription::Severity;

struct FindingCase {
    const char* text;
    const char* code;
    const char* evidence;
};

const FindingCase kCases[] = {
    {"JAHIS10\r\n99,abc\r\n", "jahis_unknown_record", "2行目 レコード99"},
    {"JAHIS10\r\n12,1\r\n7,x\r\n", "jahis_unknown_record", "3行目 レコード7"},
    {"JAHIS10\r\n12,x\r\n", "jahis_malformed_field", "2行目 レコード12 項目1"},
    {"JAHIS10\r\n12,3\r\n", "jahis_malformed_field", "2行目 レコード12 項目1"},
    {"JAHIS10\r\n24,-30,70\r\n", "jahis_malformed_field", "2行目 レコード24 項目1"},
    {"JAHIS10\r\n24,３０,70\r\n", "jahis_malformed_field", "2行目 レコード24 項目1"},
    {"JAHIS10\r\n51,20041340\r\n", "jahis_malformed_field", "2行目 レコード51 項目1"},
    {"JAHIS10\r\n51,4310501\r\n", "jahis_malformed_field", "2行目 レコード51 項目1"},
    {"JAHIS10\r\n13,1960-06-06\r\n", "jahis_malformed_field", "2行目 レコード13 項目1"},
    {"JAHIS10\r\n51,\r\n", "jahis_missing_field", "2行目 レコード51 項目1"},
    {"JAHIS10\r\n11,,,ﾆﾁﾔｸ\r\n", "jahis_missing_field", "2行目 レコード11 項目2"},
    {"JAHIS10\r\n101,1,1,,14\r\n201,1,1,1,2,,,1,1,錠\r\n", "jahis_missing_field",
     "3行目 レコード201 項目6"},
    {"JAHIS10\r\n101,1,7,,14\r\n", "jahis_malformed_field", "2行目 レコード101 項目2"},
    {"JAHIS10\r\n101,1,1,,14\r\n201,1,1,1,5,X,薬,1,1,錠\r\n", "jahis_malformed_field",
     "3行目 レコード201 項目4"},
    {"JAHIS10\r\nabc,1\r\n", "jahis_malformed_line", "2行目"},
    {"JAHIS10\r\n,1\r\n", "jahis_malformed_line", "2行目"},
    {"JAHIS10\r\n81,1,,\"未完\r\n", "jahis_malformed_line", "2行目"},
    {"JAHIS10\r\n201,2,1,1,2,612170709,薬,1,1,錠\r\n", "jahis_orphan_record",
     "2行目 レコード201 項目1"},
    {"JAHIS10\r\n101,1,1,,14\r\n281,1,9,1,3,後発品変更不可,\r\n", "jahis_orphan_record",
     "3行目 レコード281 項目2"},
    {"JAHIS10\r\n11,,甲,ｺｳ\r\n11,,乙,ｵﾂ\r\n", "jahis_duplicate_record", "3行目 レコード11"},
    {"JAHIS10\r\n101,1,1,,14\r\n101,1,1,,7\r\n", "jahis_duplicate_record",
     "3行目 レコード101 項目1"},
    {"JAHIS10\r\n12,1,9\r\n", "jahis_extra_fields", "2行目 レコード12 項目2"},
    {"JAHIS10\r\n101,1,1,,14\r\n", "jahis_rp_without_drugs", "RP1"},
    {"JAHIS4\r\n12,1\r\n", "jahis_unsupported_version", "JAHIS4"},
    {"JAHIS11\r\n12,1\r\n", "jahis_unsupported_version", "JAHIS11"},
    {"JAHIS10\r\n", "jahis_no_records", ""},
};

TEST(JahisParser, ReportsBadRecordsAsFindingsWithTheirLine) {
    for (const FindingCase& c : kCases) {
        SCOPED_TRACE(c.text);
        ParseResult result = JahisParser::parse(c.text);
        EXPECT_TRUE(result.prescription.has_value());
        auto it = std::find_if(result.findings.begin(), result.findings.end(),
                               [&](const Finding& f) { return f.code == c.code; });
        ASSERT_NE(it, result.findings.end()) << "expected " << c.code;
        EXPECT_EQ(it->evidence, c.evidence);
        EXPECT_FALSE(it->message.empty());
    }
}

TEST(JahisParser, KeepsTheRestOfThePrescriptionAroundABadRecord) {
    ParseResult result = JahisParser::parse(
        "JAHIS10\r\n11,,日薬 太郎,ﾆﾁﾔｸ ﾀﾛｳ\r\n99,???\r\n12,x\r\n51,20261120\r\n");
    ASSERT_TRUE(result.prescription);
    EXPECT_EQ(result.prescription->patient.kanji, "日薬 太郎");
    EXPECT_TRUE(result.prescription->issue_date.has_value());
    EXPECT_EQ(result.findings.size(), 2u);
}

TEST(JahisParser, KeepsADrugWhoseRpHasNoFormRecord) {
    ParseResult result = JahisParser::parse("JAHIS10\r\n201,2,1,1,2,612170709,薬,1,1,錠\r\n");
    ASSERT_TRUE(result.prescription);
    ASSERT_EQ(result.prescription->rps.size(), 1u);
    EXPECT_EQ(result.prescription->rps[0].rp_no, 2);
    EXPECT_EQ(result.prescription->rps[0].items.at(0).name, "薬");
}

TEST(JahisParser, LaterDuplicateSingleRecordWins) {
    ParseResult result = JahisParser::parse("JAHIS10\r\n11,,甲,ｺｳ\r\n11,,乙,ｵﾂ\r\n");
    ASSERT_TRUE(result.prescription);
    EXPECT_EQ(result.prescription->patient.kanji, "乙");
}

struct RejectCase {
    std::string text;
    const char* code;
};

TEST(JahisParser, ReturnsNoPrescriptionWithoutAJahisHeader) {
    const RejectCase cases[] = {
        {"", "jahis_missing_header"},
        {"\r\n\r\n", "jahis_missing_header"},
        {"1,,1234567,13,病院\r\n", "jahis_missing_header"},
        {"JAHIS\r\n12,1\r\n", "jahis_missing_header"},
        {"JAHISx\r\n12,1\r\n", "jahis_missing_header"},
        {"https://example.com/\r\n", "jahis_missing_header"},
        {std::string("JAHIS10\r\n11,,\x82\xA0\r\n"), "jahis_invalid_encoding"},
    };
    for (const RejectCase& c : cases) {
        SCOPED_TRACE(c.text);
        ParseResult result = JahisParser::parse(c.text);
        EXPECT_FALSE(result.prescription.has_value());
        ASSERT_EQ(result.findings.size(), 1u);
        EXPECT_EQ(result.findings[0].code, c.code);
        EXPECT_EQ(result.findings[0].severity, Severity::Error);
    }
}

TEST(JahisParser, SkipsBlankLinesBeforeTheHeaderAndBetweenRecords) {
    ParseResult result = JahisParser::parse("\r\n JAHIS8 \r\n\r\n12,1\r\n   \r\n");
    ASSERT_TRUE(result.prescription);
    EXPECT_EQ(result.version, 8);
    EXPECT_TRUE(result.findings.empty());
}

}  // namespace
}  // namespace rxdesk::jahis
