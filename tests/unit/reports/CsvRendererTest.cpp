#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/TextEncoding.h"
#include "reports/render/CsvRenderer.h"

using namespace rxdesk;
using namespace rxdesk::reports;

namespace {

Report deliveryReport() {
    Report r;
    r.title = "配送実績一覧";
    r.subtitle = "2026年11月";
    r.columns = {{"配送番号", 1.0}, {"配送方法", 1.0}, {"件数", 0.5, Align::Right}};
    r.sections = {{.rows = {{"P-001", "宅配便", "2"}, {"P-002", "薬局スタッフ", "1"}}}};
    r.totals = {{"合計", "", "3"}};
    r.footnotes = {"※ 脚注はCSVに出力しない"};
    return r;
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";

}  // namespace

TEST(CsvRenderer, WritesUtf8WithBomHeaderRowsAndTotalsWithCrlf) {
    const std::string csv = CsvRenderer().render(deliveryReport());
    EXPECT_EQ(csv, std::string(kBom) +
                       "配送番号,配送方法,件数\r\n"
                       "P-001,宅配便,2\r\n"
                       "P-002,薬局スタッフ,1\r\n"
                       "合計,,3\r\n");
}

TEST(CsvRenderer, WritesShiftJisWithoutBomOnRequest) {
    const std::string csv = CsvRenderer(CsvEncoding::ShiftJis).render(deliveryReport());
    EXPECT_NE(csv.substr(0, 3), kBom);
    EXPECT_FALSE(isValidUtf8(csv));  // Shift_JIS kanji are not UTF-8
    const auto back = cp932ToUtf8(csv);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back,
              "配送番号,配送方法,件数\r\nP-001,宅配便,2\r\nP-002,薬局スタッフ,1\r\n合計,,3\r\n");
    // 配 is 0x947A in Shift_JIS.
    EXPECT_EQ(csv.substr(0, 2), "\x94\x7A");
}

TEST(CsvRenderer, ShiftJisKeepsStorageNotation) {
    Report r = deliveryReport();
    r.sections[0].rows[0][1] = "冷所（2〜8℃）①";
    const std::string csv = CsvRenderer(CsvEncoding::ShiftJis).render(r);
    // 〜 → 0x8160, ℃ → 0x818E, ① (an NEC special character, in CP932 only) → 0x8740.
    EXPECT_NE(csv.find("2\x81\x60"
                       "8\x81\x8E"
                       "\x81\x6A"
                       "\x87\x40"),
              std::string::npos);
}

TEST(CsvRenderer, RefusesShiftJisForCharactersItCannotHold) {
    Report r = deliveryReport();
    r.sections[0].rows[0][1] = "𠮷野家配送";  // U+20BB7 is not in CP932
    try {
        CsvRenderer(CsvEncoding::ShiftJis).render(r);
        FAIL() << "accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::RuleViolation);
        EXPECT_EQ(e.code(), "csv_not_shift_jis");
    }
    EXPECT_NO_THROW(CsvRenderer().render(r));
}

TEST(CsvRenderer, QuotesFieldsPerRfc4180) {
    struct Case {
        const char* cell;
        const char* written;
    };
    const Case cases[] = {
        {"plain", "plain"},
        {"", ""},
        {"a,b", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"line1\nline2", "\"line1\nline2\""},
        {"cr\r", "\"cr\r\""},
        {"東京都千代田区1-2-3", "東京都千代田区1-2-3"},
    };
    for (const auto& c : cases) EXPECT_EQ(CsvRenderer::escapeCell(c.cell), c.written) << c.cell;
}

TEST(CsvRenderer, NeutralisesFormulaInjection) {
    struct Case {
        const char* cell;
        const char* written;
    };
    const Case cases[] = {
        {"=1+2", "'=1+2"},
        {"+81-3-1234-5678", "'+81-3-1234-5678"},
        {"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
        {"@SUM(A1:A9)", "'@SUM(A1:A9)"},
        {"\tx", "'\tx"},
        {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
        {"-12", "-12"},  // a plain number stays a number
        {"-3.5", "-3.5"},
        {"+7", "+7"},
        {"-", "'-"},
        {"-1.", "'-1."},
        {"a=b", "a=b"},  // only the first character matters
    };
    for (const auto& c : cases) EXPECT_EQ(CsvRenderer::escapeCell(c.cell), c.written) << c.cell;
}

TEST(CsvRenderer, AddsSectionColumnAndFieldColumnsForRecordReports) {
    Report r;
    r.title = "服薬指導記録";
    r.columns = {{"薬剤名", 2.0}, {"用量", 1.0}};
    r.sections = {
        {.heading = "患者A",
         .fields = {{"指導日", "2026-11-20"}, {"方法", "ビデオ通話"}},
         .rows = {{"薬X", "1錠"}, {"薬Y", "2錠"}}},
        {.heading = "患者B", .fields = {{"指導日", "2026-11-21"}, {"同席者", "家族"}}},
        {.paragraphs = {"文章だけの区分"}},  // nothing to write
    };
    const std::string csv = CsvRenderer().render(r);
    EXPECT_EQ(csv, std::string(kBom) +
                       "区分,指導日,方法,同席者,薬剤名,用量\r\n"
                       "患者A,2026-11-20,ビデオ通話,,薬X,1錠\r\n"
                       "患者A,2026-11-20,ビデオ通話,,薬Y,2錠\r\n"
                       "患者B,2026-11-21,,家族,,\r\n");
}

TEST(CsvRenderer, EmptyReportGivesHeaderOnly) {
    Report r = deliveryReport();
    r.sections.clear();
    r.totals.clear();
    EXPECT_EQ(CsvRenderer().render(r), std::string(kBom) + "配送番号,配送方法,件数\r\n");
}

TEST(CsvRenderer, RejectsMalformedReport) {
    Report r = deliveryReport();
    r.sections[0].rows[0].pop_back();
    EXPECT_THROW(CsvRenderer().render(r), Error);
}
