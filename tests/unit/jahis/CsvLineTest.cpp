#include <gtest/gtest.h>

#include "jahis/CsvLine.h"

namespace rxdesk::jahis {
namespace {

struct SplitCase {
    const char* line;
    std::vector<std::string> fields;
    bool unterminated;
};

TEST(CsvLine, SplitsOnCommasHonouringQuotes) {
    const SplitCase cases[] = {
        {"", {""}, false},
        {"12,1", {"12", "1"}, false},
        {"3,03-0000-0000,,", {"3", "03-0000-0000", "", ""}, false},
        {"81,1,,\"朝, 夕\"", {"81", "1", "", "朝, 夕"}, false},
        {"81,1,,\"a \"\"b\"\" c\"", {"81", "1", "", "a \"b\" c"}, false},
        {"\"\",x", {"", "x"}, false},
        {"81,\"open", {"81", "open"}, true},
        {"81,\"a\"b,c", {"81", "ab", "c"}, false},
    };
    for (const SplitCase& c : cases) {
        SCOPED_TRACE(c.line);
        CsvFields result = splitCsvLine(c.line);
        EXPECT_EQ(result.fields, c.fields);
        EXPECT_EQ(result.unterminated_quote, c.unterminated);
    }
}

TEST(CsvLine, QuotesOnlyFieldsThatNeedIt) {
    EXPECT_EQ(quoteCsvField("一包化"), "一包化");
    EXPECT_EQ(quoteCsvField(""), "");
    EXPECT_EQ(quoteCsvField("a,b"), "\"a,b\"");
    EXPECT_EQ(quoteCsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
}

TEST(CsvLine, QuotedFieldsSplitBackToTheOriginal) {
    for (const char* field : {"a,b", "\"", ",\",", "plain"}) {
        CsvFields result = splitCsvLine("81," + quoteCsvField(field));
        ASSERT_EQ(result.fields.size(), 2u);
        EXPECT_EQ(result.fields[1], field);
    }
}

}  // namespace
}  // namespace rxdesk::jahis
