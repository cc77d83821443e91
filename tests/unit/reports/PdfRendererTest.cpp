#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "reports/render/PdfRenderer.h"
#include "unit/reports/PdfTestTools.h"

using namespace rxdesk;
using namespace rxdesk::reports;
using rxdesk::testutil::countOf;
using rxdesk::testutil::PdfFile;
using rxdesk::testutil::squeeze;

namespace {

std::string rowId(int i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "RX-%04d", i);
    return buf;
}

Report dispensingReport(int rows) {
    Report r;
    r.title = "調剤実績一覧";
    r.subtitle = "2026年11月1日〜2026年11月30日";
    r.generated_at = *parseIso8601("2026-12-01T00:30:00Z");
    r.columns = {{"受付番号", 1.0},
                 {"薬剤名", 3.0},
                 {"数量", 0.8, Align::Right},
                 {"配送方法", 1.2, Align::Center}};
    Section s;
    for (int i = 1; i <= rows; ++i) {
        s.rows.push_back({rowId(i), "アムロジピン錠5mg", std::to_string(i * 7), "宅配便"});
    }
    r.sections.push_back(s);
    r.totals = {{"合計", "", "999", ""}};
    r.footnotes = {"※ 集計は調剤日基準。"};
    return r;
}

}  // namespace

TEST(PdfRenderer, ManyRowsFlowOverPagesWithHeaderAndPageNumberOnEach) {
    const PdfFile pdf(PdfRenderer().render(dispensingReport(150)));
    const int pages = pdf.pageCount();
    ASSERT_GE(pages, 3);
    std::string all;
    for (int p = 1; p <= pages; ++p) {
        const std::string text = squeeze(pdf.text(p));
        for (const char* heading : {"受付番号", "薬剤名", "数量", "配送方法"}) {
            EXPECT_NE(text.find(heading), std::string::npos) << "page " << p << " " << heading;
        }
        EXPECT_NE(text.find(std::to_string(p) + "/" + std::to_string(pages)), std::string::npos)
            << "page " << p;
        all += text;
    }
    for (int i = 1; i <= 150; ++i) EXPECT_EQ(countOf(all, rowId(i)), 1) << rowId(i);
    // Title on page 1, then as a running head; 作成日時 in Tokyo time.
    EXPECT_NE(squeeze(pdf.text(1)).find("調剤実績一覧"), std::string::npos);
    EXPECT_NE(squeeze(pdf.text(2)).find("調剤実績一覧"), std::string::npos);
    EXPECT_NE(squeeze(pdf.text(1)).find("2026-12-0109:30"), std::string::npos);
    // Totals and footnotes close the last page.
    const std::string last = squeeze(pdf.text(pages));
    EXPECT_NE(last.find("合計"), std::string::npos);
    EXPECT_NE(last.find("999"), std::string::npos);
    EXPECT_NE(last.find("※集計は調剤日基準。"), std::string::npos);
}

TEST(PdfRenderer, EmbedsTheJapaneseFont) {
    const PdfFile pdf(PdfRenderer().render(dispensingReport(3)));
    const auto fonts = pdf.fonts();
    ASSERT_EQ(fonts.size(), 1u);
    EXPECT_NE(fonts[0].find("IPAexGothic"), std::string::npos);
    EXPECT_NE(fonts[0].find(" yes "), std::string::npos) << fonts[0];  // emb
}

TEST(PdfRenderer, WrapsLongTextInsideItsCell) {
    Report r = dispensingReport(1);
    const std::string long_name =
        "ロキソプロフェンナトリウム錠60mg「サワイ」（後発品変更不可・粉砕指示あり）"
        "1回1錠1日3回毎食後に服用してください";
    r.sections[0].rows[0] = {"RX-0001", long_name, "", ""};
    const std::string text = PdfFile(PdfRenderer().render(r)).text();
    // Not on one line, but nothing lost: the cell reads whole once the line breaks go.
    EXPECT_EQ(text.find(long_name), std::string::npos);
    EXPECT_EQ(text.find("ロキソプロフェンナトリウム錠60mg「サワイ」（後発品変更不可"),
              std::string::npos);
    EXPECT_NE(squeeze(text).find(long_name), std::string::npos);
}

TEST(PdfRenderer, CutsNonWrappingColumnsWithEllipsis) {
    Report r = dispensingReport(1);
    r.columns[0].wrap = false;
    r.sections[0].rows[0][0] = "RX-0001-ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const std::string text = squeeze(PdfFile(PdfRenderer().render(r)).text());
    EXPECT_NE(text.find("RX-0001-ABC"), std::string::npos);
    EXPECT_EQ(text.find("XYZ"), std::string::npos);
    EXPECT_NE(text.find("…"), std::string::npos);
}

TEST(PdfRenderer, EmptyReportPrintsNoDataPage) {
    Report r = dispensingReport(0);
    ASSERT_TRUE(r.isEmpty());
    const PdfFile pdf(PdfRenderer().render(r));
    EXPECT_EQ(pdf.pageCount(), 1);
    const std::string text = squeeze(pdf.text());
    EXPECT_NE(text.find("調剤実績一覧"), std::string::npos);
    EXPECT_NE(text.find("該当なし"), std::string::npos);
    EXPECT_NE(text.find("1/1"), std::string::npos);
    EXPECT_EQ(text.find("999"), std::string::npos) << "totals are left out";
}

TEST(PdfRenderer, FollowsOrientation) {
    Report r = dispensingReport(2);
    const auto [pw, ph] = PdfFile(PdfRenderer().render(r)).pageSize();
    EXPECT_NEAR(pw, 595.28, 0.5);
    EXPECT_NEAR(ph, 841.89, 0.5);
    r.orientation = Orientation::Landscape;
    const PdfFile landscape(PdfRenderer().render(r));
    const auto [lw, lh] = landscape.pageSize();
    EXPECT_NEAR(lw, 841.89, 0.5);
    EXPECT_NEAR(lh, 595.28, 0.5);
    EXPECT_NE(squeeze(landscape.text()).find("RX-0002"), std::string::npos);
}

TEST(PdfRenderer, LandscapeCellsAreWiderSoTextWrapsLess) {
    Report r = dispensingReport(1);
    const std::string name = "テルミサルタン・アムロジピン配合錠BP「トーワ」（後発医薬品）一包化";
    r.sections[0].rows[0][1] = name;
    EXPECT_EQ(PdfFile(PdfRenderer().render(r)).text().find(name), std::string::npos);
    r.orientation = Orientation::Landscape;
    EXPECT_NE(PdfFile(PdfRenderer().render(r)).text().find(name), std::string::npos);
}

TEST(PdfRenderer, PrintsRecordStyleSectionsWithHeadingsAndFields) {
    Report r;
    r.title = "服薬指導記録";
    r.columns = {{"薬剤名", 3.0}, {"用法", 2.0}};
    r.sections = {
        {.heading = "2026-11-20 患者ID 000123",
         .fields = {{"指導方法", "オンライン（映像及び音声）"},
                    {"開始・終了", "10:00〜10:08"},
                    {"指導内容", "眠気が出ることがあるため、自動車の運転は避けるよう説明した。"}},
         .rows = {{"薬A錠10mg", "1日1回朝食後"}},
         .paragraphs = {"本人の同意を得て家族が同席した。"}},
        {.heading = "2026-11-21 患者ID 000456", .fields = {{"指導方法", "対面"}}},
    };
    const std::string text = squeeze(PdfFile(PdfRenderer().render(r)).text());
    for (const char* expected :
         {"服薬指導記録", "2026-11-20患者ID000123", "指導方法", "オンライン（映像及び音声）",
          "10:00〜10:08", "自動車の運転は避けるよう説明した。", "薬A錠10mg", "1日1回朝食後",
          "2026-11-21患者ID000456", "対面", "本人の同意を得て家族が同席した。"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
    }
    EXPECT_EQ(text.find("該当なし"), std::string::npos);
}

TEST(PdfRenderer, SplitsARowTallerThanAPage) {
    Report r = dispensingReport(1);
    std::string huge;
    for (int i = 1; i <= 150; ++i) huge += "行" + std::to_string(i) + "\n";
    r.sections[0].rows[0][1] = huge;
    const PdfFile pdf(PdfRenderer().render(r));
    EXPECT_GE(pdf.pageCount(), 2);
    const std::string text = squeeze(pdf.text());
    EXPECT_NE(text.find("行1"), std::string::npos);
    EXPECT_NE(text.find("行150"), std::string::npos);
}

TEST(PdfRenderer, UnreadableFontIsAnInternalError) {
    try {
        PdfRenderer("/nonexistent/font.ttf").render(dispensingReport(1));
        FAIL() << "rendered without a font";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Internal);
        EXPECT_EQ(e.code(), "pdf_error");
    }
}

TEST(PdfRenderer, RejectsMalformedReport) {
    Report r = dispensingReport(2);
    r.sections[0].rows[1].push_back("余分");
    EXPECT_THROW(PdfRenderer().render(r), Error);
}
