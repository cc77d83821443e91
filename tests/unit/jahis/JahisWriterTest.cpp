#include <gtest/gtest.h>

#include "JahisSamples.h"
#include "core/TextEncoding.h"
#include "jahis/JahisParser.h"
#include "jahis/JahisWriter.h"
#include "jahis/QrPayload.h"

namespace rxdesk::jahis {
namespace {

using prescription::Prescription;

TEST(JahisWriter, RoundTripsEveryField) {
    const Prescription original = samples::richPrescription();
    const std::string text = JahisWriter::write(original);
    ParseResult result = JahisParser::parse(text);
    EXPECT_TRUE(result.findings.empty())
        << result.findings.front().code << " " << result.findings.front().evidence;
    ASSERT_TRUE(result.prescription);
    EXPECT_EQ(*result.prescription, original);
}

TEST(JahisWriter, RoundTripsTheStandardsExamplePrescription) {
    ParseResult first = JahisParser::parse(samples::sampleText());
    ASSERT_TRUE(first.prescription);
    ParseResult second = JahisParser::parse(JahisWriter::write(*first.prescription));
    ASSERT_TRUE(second.prescription);
    EXPECT_EQ(*second.prescription, *first.prescription);
}

TEST(JahisWriter, RoundTripsThroughShiftJis) {
    const Prescription original = samples::richPrescription();
    auto cp932 = utf8ToCp932(JahisWriter::write(original));
    ASSERT_TRUE(cp932);
    auto text = decodeQrPayload(*cp932);
    ASSERT_TRUE(text);
    EXPECT_EQ(JahisParser::parse(*text).prescription, original);
}

TEST(JahisWriter, WritesTheHeaderAndCrlfLines) {
    Prescription p;
    p.patient.sex = prescription::Sex::Female;
    EXPECT_EQ(JahisWriter::write(p, 9), "JAHIS9\r\n12,2\r\n");
}

TEST(JahisWriter, WritesAnEmptyPrescriptionAsJustTheHeader) {
    EXPECT_EQ(JahisWriter::write(Prescription{}), "JAHIS10\r\n");
}

TEST(JahisWriter, WritesGregorianDates) {
    Prescription p;
    p.issue_date = Date{std::chrono::year{2004}, std::chrono::month{1}, std::chrono::day{19}};
    EXPECT_EQ(JahisWriter::write(p), "JAHIS10\r\n51,20040119\r\n");
}

TEST(JahisWriter, QuotesFieldsWithCommasAndFlattensLineBreaks) {
    Prescription p;
    p.remarks = {{1, std::nullopt, "朝, 夕"}, {2, std::nullopt, "一行目\r\n二行目"}};
    EXPECT_EQ(JahisWriter::write(p), "JAHIS10\r\n81,1,,\"朝, 夕\"\r\n81,2,,一行目  二行目\r\n");
}

}  // namespace
}  // namespace rxdesk::jahis
