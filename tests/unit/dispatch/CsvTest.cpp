#include <gtest/gtest.h>

#include "dispatch/csv/Csv.h"

namespace rxdesk::dispatch {
namespace {

TEST(Csv, SplitsRecordsOnCrLfAndKeepsQuotedLineBreaks) {
    auto records = splitCsvRecords("a,b\r\n\"x\r\ny\",z\n\nlast");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[0].line, 1u);
    EXPECT_EQ(records[1].line, 2u);
    EXPECT_EQ(records[1].raw, "\"x\r\ny\",z");
    EXPECT_EQ(records[2].line, 5u);
    EXPECT_EQ(records[2].raw, "last");
}

TEST(Csv, ParsesQuotedFieldsWithDoubledQuotes) {
    auto fields = parseCsvFields("1,\"a,b\",\"say \"\"hi\"\"\",,");
    ASSERT_TRUE(fields);
    EXPECT_EQ(*fields, (std::vector<std::string>{"1", "a,b", "say \"hi\"", "", ""}));
}

TEST(Csv, RejectsUnterminatedOrStrayQuotes) {
    EXPECT_FALSE(parseCsvFields("1,\"open"));
    EXPECT_FALSE(parseCsvFields("1,\"a\"b"));
    EXPECT_FALSE(parseCsvFields("1,a\"b"));
}

TEST(Csv, QuotesOnlyWhenNeeded) {
    EXPECT_EQ(csvLine({"a", "b,c", "d\"e"}), "a,\"b,c\",\"d\"\"e\"");
    EXPECT_EQ(csvLine({"a", ""}, true), "\"a\",\"\"");
}

}  // namespace
}  // namespace rxdesk::dispatch
