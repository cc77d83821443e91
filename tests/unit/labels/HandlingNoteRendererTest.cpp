#include <gtest/gtest.h>

#include "core/Error.h"
#include "dispatch/labels/HandlingNoteRenderer.h"
#include "unit/reports/PdfTestTools.h"

using namespace rxdesk;
using namespace rxdesk::labels;
using rxdesk::testutil::PdfFile;
using rxdesk::testutil::squeeze;

namespace {

HandlingNoteData note(const std::string& patient) {
    HandlingNoteData n;
    n.recipient_name = patient;
    n.dispensed_on = "2026年11月21日";
    n.parcel_number = "RX-2026-000123";
    n.items = {{"インスリン グラルギン注ソロスター", "2本", "1日1回 就寝前 8単位", "冷所（2〜8℃）"},
               {"ロキソプロフェンナトリウム錠60mg", "21錠（7日分）", "1日3回 毎食後", ""}};
    n.storage_instructions = {
        "インスリンは届いたらすぐに冷蔵庫（2〜8℃）に入れてください。凍らせないでください。"};
    n.pharmacy = {"さくら調剤薬局 本町店", "1000001", "東京都千代田区千代田1-1", "03-1234-5678"};
    n.pharmacist_name = "佐藤 一郎";
    n.contact_hours = "平日 9:00〜18:00";
    return n;
}

}  // namespace

TEST(HandlingNoteRenderer, ListsDrugsStorageArrivalAdviceAndContact) {
    const PdfFile pdf(HandlingNoteRenderer().render({note("山田 花子")}, reports::PaperSize::A4));
    const std::string text = squeeze(pdf.text());
    for (const char* expected :
         {"お薬のお届けについて", "山田花子様", "調剤日2026年11月21日", "RX-2026-000123",
          "インスリングラルギン注ソロスター", "2本", "1日1回就寝前8単位", "冷所（2〜8℃）",
          "ロキソプロフェンナトリウム錠60mg", "室温", "冷蔵庫（2〜8℃）に入れてください。",
          "お荷物が温かくなっていた", "お薬を使用せずに", "さくら調剤薬局本町店",
          "〒100-0001東京都千代田区千代田1-1", "03-1234-5678", "平日9:00〜18:00", "佐藤一郎",
          "1/1"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
    }
    const auto [w, h] = pdf.pageSize();
    EXPECT_NEAR(w, 595.28, 0.5);
    EXPECT_NEAR(h, 841.89, 0.5);
}

TEST(HandlingNoteRenderer, PrintsCustomArrivalInstructionsInsteadOfTheStandardOnes) {
    HandlingNoteData n = note("山田 花子");
    n.arrival_instructions = {"保冷剤が溶けていた場合はすぐにお電話ください。"};
    const auto report = HandlingNoteRenderer::toReport(n, reports::PaperSize::A5);
    const std::string text =
        squeeze(PdfFile(HandlingNoteRenderer().render({n}, reports::PaperSize::A5)).text());
    EXPECT_NE(text.find("保冷剤が溶けていた場合は"), std::string::npos);
    EXPECT_EQ(text.find("お荷物が温かくなっていた"), std::string::npos);
    EXPECT_EQ(report.paper, reports::PaperSize::A5);
}

TEST(HandlingNoteRenderer, BatchesNotesOnePerParcelWithOwnPageNumbersAndOneFont) {
    const PdfFile pdf(HandlingNoteRenderer().render({note("山田 花子"), note("鈴木 次郎")},
                                                    reports::PaperSize::A5));
    ASSERT_EQ(pdf.pageCount(), 2);
    const auto [w, h] = pdf.pageSize();
    EXPECT_NEAR(w, 419.53, 0.5);
    EXPECT_NEAR(h, 595.28, 0.5);
    const std::string first = squeeze(pdf.text(1));
    const std::string second = squeeze(pdf.text(2));
    EXPECT_NE(first.find("山田花子様"), std::string::npos);
    EXPECT_EQ(first.find("鈴木次郎"), std::string::npos);
    EXPECT_NE(second.find("鈴木次郎様"), std::string::npos);
    EXPECT_NE(first.find("1/1"), std::string::npos);
    EXPECT_NE(second.find("1/1"), std::string::npos);
    EXPECT_EQ(pdf.fonts().size(), 1u);
}

TEST(HandlingNoteRenderer, RejectsAnEmptyBatch) {
    try {
        HandlingNoteRenderer().render({}, reports::PaperSize::A4);
        FAIL() << "accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), "pdf_empty_batch");
    }
}
