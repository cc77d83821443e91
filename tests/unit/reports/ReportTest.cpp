#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "reports/model/Report.h"

using namespace rxdesk;
using namespace rxdesk::reports;

namespace {

Report twoColumnReport() {
    Report r;
    r.title = "配送実績一覧";
    r.columns = {{"日付", 1.0}, {"件数", 1.0, Align::Right}};
    r.sections = {{.rows = {{"2026-11-01", "3"}}}};
    return r;
}

}  // namespace

TEST(Report, IsEmptyWhenNoSectionHasFieldsOrRows) {
    Report r = twoColumnReport();
    EXPECT_FALSE(r.isEmpty());
    r.sections = {{.heading = "見出しだけ"}};
    r.totals = {{"合計", "0"}};
    EXPECT_TRUE(r.isEmpty());
    r.sections[0].fields = {{"指導内容", "説明した"}};
    EXPECT_FALSE(r.isEmpty());
    r.sections[0].fields.clear();
    r.sections[0].paragraphs = {"特記事項なし"};
    EXPECT_FALSE(r.isEmpty());
}

TEST(Report, CheckAcceptsWellFormedReport) {
    EXPECT_NO_THROW(checkReport(twoColumnReport()));
}

TEST(Report, CheckRejectsMalformedParts) {
    struct Case {
        const char* what;
        void (*spoil)(Report&);
    };
    const Case cases[] = {
        {"row too short", [](Report& r) { r.sections[0].rows[0].pop_back(); }},
        {"row too long", [](Report& r) { r.sections[0].rows[0].push_back("x"); }},
        {"bad subtotal", [](Report& r) { r.sections[0].subtotals = {{"小計"}}; }},
        {"bad total",
         [](Report& r) {
             r.totals = {{"合計", "1", "2"}};
         }},
        {"zero weight", [](Report& r) { r.columns[0].weight = 0.0; }},
        {"rows without columns", [](Report& r) { r.columns.clear(); }},
        {"invalid UTF-8 cell", [](Report& r) { r.sections[0].rows[0][0] = "\xff\xfe"; }},
        {"invalid UTF-8 title", [](Report& r) { r.title = "\xc3"; }},
        {"invalid UTF-8 field",
         [](Report& r) {
             r.sections[0].fields = {{"a", "\x80"}};
         }},
    };
    for (const auto& c : cases) {
        Report r = twoColumnReport();
        c.spoil(r);
        try {
            checkReport(r);
            ADD_FAILURE() << c.what << ": accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Internal) << c.what;
            EXPECT_EQ(e.code(), "report_malformed") << c.what;
        }
    }
}

TEST(Report, GeneratedAtIsPrintedInTokyoTimeToTheMinute) {
    Report r = twoColumnReport();
    EXPECT_EQ(generatedAtText(r), "");
    r.generated_at = *parseIso8601("2026-11-21T05:35:59Z");
    EXPECT_EQ(generatedAtText(r), "作成日時 2026-11-21 14:35");
}
