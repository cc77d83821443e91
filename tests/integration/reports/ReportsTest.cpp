#include <gtest/gtest.h>

#include "integration/reports/ReportsFixture.h"

namespace rxdesk::testing {
namespace {

using testutil::countOf;
using testutil::PdfFile;
using testutil::squeeze;

constexpr const char* kOctober = "from=2026-10-01&to=2026-10-31";

bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

// ---------------------------------------------------------------- 原本未着一覧

TEST(OutstandingOriginalsReport, ListsAwaitedOriginalsByClinicWithTheirDueState) {
    ReportsFixture f;
    const auto north = f.clinic("北クリニック", "1311111111", 7);
    const auto south = f.clinic("南医院", "1322222222", 7);
    const std::string today = formatDate(tokyoDate(f.server.clock().now()));
    // Dispensed long ago: overdue. Dispensed today: in time. Not dispensed: no deadline.
    f.prescription({.patient_name = "遅延 一郎",
                    .patient_ref = "pt-a",
                    .number = "N-1",
                    .clinic_id = north,
                    .original_state = "awaiting",
                    .received_at = f.at("2026-08-01", 9),
                    .dispensed_on = "2026-08-01",
                    .issue_date = "2026-08-01"});
    f.prescription({.patient_name = "期限内 二郎",
                    .patient_ref = "pt-b",
                    .number = "N-2",
                    .clinic_id = north,
                    .original_state = "awaiting",
                    .received_at = f.at(today, 1),
                    .dispensed_on = today,
                    .issue_date = today});
    f.prescription({.patient_name = "未調剤 三郎",
                    .patient_ref = "pt-c",
                    .number = "S-1",
                    .clinic_id = south,
                    .original_state = "awaiting",
                    .status = "received",
                    .received_at = f.at(today, 2),
                    .issue_date = today});
    // The original is here: not on the list.
    f.prescription({.patient_name = "到着済 四郎",
                    .patient_ref = "pt-d",
                    .number = "S-2",
                    .clinic_id = south,
                    .original_state = "matched",
                    .received_at = f.at("2026-08-02", 9),
                    .dispensed_on = "2026-08-02"});

    const std::string csv = f.csv("outstanding-originals", "");
    const auto lines = ReportsFixture::lines(csv);
    ASSERT_GE(lines.size(), 5u) << csv;
    EXPECT_EQ(lines[0], "区分,処方箋ID,処方箋番号,患者,交付日,受付日,調剤日,経過日数,期限,状態");
    EXPECT_TRUE(contains(csv, "北クリニック,")) << csv;
    EXPECT_TRUE(contains(csv, "南医院,")) << csv;
    EXPECT_TRUE(contains(csv, "遅延 一郎")) << csv;
    EXPECT_TRUE(contains(csv, "期限超過（")) << csv;
    EXPECT_TRUE(contains(csv, "期限内（あと")) << csv;
    EXPECT_TRUE(contains(csv, "未調剤")) << csv;
    EXPECT_FALSE(contains(csv, "到着済 四郎")) << csv;
    EXPECT_TRUE(contains(csv, "\r\n,合計,,,,,,3件,,うち期限超過 1件\r\n")) << csv;

    PdfFile pdf(f.pdf("outstanding-originals", ""));
    const std::string text = squeeze(pdf.text());
    EXPECT_TRUE(contains(text, "原本未着一覧"));
    EXPECT_TRUE(contains(text, "北クリニック"));
    EXPECT_TRUE(contains(text, squeeze("遅延 一郎")));
    EXPECT_TRUE(contains(text, "未調剤"));
    EXPECT_FALSE(contains(text, squeeze("到着済 四郎")));
}

TEST(OutstandingOriginalsReport, NarrowsByReceiptDateAndSaysNothingApplies) {
    ReportsFixture f;
    const auto clinic = f.clinic("北クリニック", "1311111111");
    f.prescription({.patient_name = "十月 太郎",
                    .clinic_id = clinic,
                    .original_state = "awaiting",
                    .received_at = f.at("2026-08-10", 9),
                    .dispensed_on = "2026-08-10"});
    const std::string csv = f.csv("outstanding-originals", "from=2026-08-01&to=2026-08-31");
    EXPECT_TRUE(contains(csv, "十月 太郎"));

    PdfFile empty(f.pdf("outstanding-originals", "from=2025-01-01&to=2025-01-31"));
    EXPECT_EQ(empty.pageCount(), 1);
    EXPECT_TRUE(contains(squeeze(empty.text()), "該当なし"));
    EXPECT_FALSE(contains(squeeze(empty.text()), squeeze("十月 太郎")));
}

TEST(OutstandingOriginalsReport, BreaksPagesWithTheColumnHeaderOnEveryPage) {
    ReportsFixture f;
    const auto clinic = f.clinic("北クリニック", "1311111111");
    for (int i = 0; i < 90; ++i)
        f.prescription({.patient_name = "患者 " + std::to_string(i),
                        .patient_ref = "pt-" + std::to_string(i),
                        .number = "N-" + std::to_string(i),
                        .clinic_id = clinic,
                        .original_state = "awaiting",
                        .received_at = f.at("2026-08-01", 9),
                        .dispensed_on = "2026-08-01"});
    PdfFile pdf(f.pdf("outstanding-originals", ""));
    ASSERT_GE(pdf.pageCount(), 3);
    expectOnEveryPage(pdf, "処方箋番号");
    expectOnEveryPage(pdf, "原本未着一覧");
    expectOnEveryPage(pdf, "/" + std::to_string(pdf.pageCount()));
}

// ---------------------------------------------------------------- 配送一覧

TEST(RouteSheetReport, ListsTheRoundInTimeSlotOrderAndCarrierPickupsApart) {
    ReportsFixture f;
    const auto rx = f.prescription({.patient_ref = "pt-r"});
    f.shipment({.prescription_id = rx, .recipient = "午後 配達", .time_slot = "1416"});
    f.shipment({.prescription_id = rx,
                .recipient = "午前 配達",
                .time_slot = "0812",
                .cash_on_delivery = 1200});
    f.shipment(
        {.prescription_id = rx,
         .recipient = "宅配 受取",
         .parcels = {
             {.method = "carrier_normal", .marks = "", .signature = false, .identity = false}}});
    f.shipment({.prescription_id = rx, .recipient = "別の日", .ship_date = "2026-10-16"});

    const std::string csv = f.csv("route-sheet", "date=2026-10-15");
    const auto lines = ReportsFixture::lines(csv);
    ASSERT_EQ(lines.size(), 1u + 2 + 1 + 1 + 1) << csv;  // header, round + 計, carrier + 計
    EXPECT_EQ(lines[0], "区分,順,荷物番号,時間帯,お届け先,住所,電話,取扱い,代引,受領サイン");
    EXPECT_TRUE(contains(lines[1], "配達（薬局職員の手渡し）,1,")) << lines[1];
    EXPECT_TRUE(contains(lines[1], "午前中,午前 配達,〒150-0001 東京都渋谷区神宮前1-1-1"))
        << lines[1];
    EXPECT_TRUE(contains(lines[1], "本人限定受取・置き配不可・署名要・本人確認要,1200円,"))
        << lines[1];
    EXPECT_TRUE(contains(lines[2], "14〜16時,午後 配達")) << lines[2];
    EXPECT_TRUE(contains(lines[4], "宅配便 集荷,1,")) << lines[4];
    EXPECT_TRUE(contains(lines[4], "宅配 受取")) << lines[4];
    EXPECT_FALSE(contains(csv, "別の日"));

    PdfFile pdf(f.pdf("route-sheet", "date=2026-10-15"));
    const std::string text = squeeze(pdf.text());
    EXPECT_TRUE(contains(text, "配送一覧"));
    EXPECT_TRUE(contains(text, "配送日2026年10月15日"));
    EXPECT_TRUE(contains(text, "受領サイン"));
    EXPECT_TRUE(contains(text, "宅配便集荷"));
    EXPECT_LT(text.find(squeeze("午前 配達")), text.find(squeeze("午後 配達")));
    EXPECT_LT(text.find(squeeze("午後 配達")), text.find(squeeze("宅配 受取")));
}

TEST(RouteSheetReport, RepeatsTheHeaderOnEveryPageAndSaysNothingApplies) {
    ReportsFixture f;
    const auto rx = f.prescription({.patient_ref = "pt-r"});
    for (int i = 0; i < 70; ++i)
        f.shipment({.prescription_id = rx, .recipient = "受取 " + std::to_string(i)});
    PdfFile pdf(f.pdf("route-sheet", "date=2026-10-15"));
    ASSERT_GE(pdf.pageCount(), 2);
    expectOnEveryPage(pdf, "受領サイン");
    const auto [width, height] = pdf.pageSize();
    EXPECT_NEAR(width, 841.89, 1.0) << "A4 landscape";
    EXPECT_NEAR(height, 595.28, 1.0);

    PdfFile empty(f.pdf("route-sheet", "date=2026-12-24"));
    EXPECT_TRUE(contains(squeeze(empty.text()), "該当なし"));
}

TEST(RouteSheetReport, RequiresADate) {
    ReportsFixture f;
    Response r = f.report(f.pharmacist, "route-sheet", "format=pdf");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.errorCode(), "date_required");
    r = f.report(f.pharmacist, "route-sheet", "date=2026-13-01");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.errorCode(), "invalid_date");
}

// ---------------------------------------------------------------- 服薬指導記録

TEST(GuidanceRecordsReport, PrintsOneSectionPerSessionWithEveryField) {
    ReportsFixture f;
    const auto rx = f.prescription({.patient_name = "指導 花子", .patient_ref = "pt-g"});
    f.guidanceSession({.prescription_id = rx,
                       .patient_ref = "pt-g",
                       .start = f.at("2026-10-05", 10),
                       .others = "家族（配偶者）"});
    f.guidanceSession({.prescription_id = rx,
                       .patient_ref = "pt-g",
                       .start = f.at("2026-10-20", 15),
                       .fee_points = 59,
                       .fee_basis = "not_returned_within_3_months",
                       .fee_reason = "3か月以内の来局なし",
                       .identity_document = "passport"});
    f.guidanceSession({.prescription_id = rx,
                       .patient_ref = "pt-g",
                       .start = f.at("2026-11-02", 15)});  // outside the period

    const std::string csv = f.csv("guidance-records", kOctober);
    const auto lines = ReportsFixture::lines(csv);
    ASSERT_EQ(lines.size(), 3u) << csv;
    for (const char* label : {"区分",
                              "予約番号",
                              "患者",
                              "薬剤師",
                              "開始",
                              "終了",
                              "方式",
                              "映像・音声の双方向確認",
                              "初回",
                              "本人確認書類",
                              "薬剤師の氏名・資格の提示",
                              "同席者",
                              "同席についての患者の同意",
                              "セキュリティリスクの説明と同意",
                              "プライバシーが保たれた場所",
                              "録画・録音",
                              "説明内容",
                              "結果",
                              "お薬手帳の提示",
                              "在宅患者",
                              "前回来局日",
                              "算定",
                              "算定の理由"})
        EXPECT_TRUE(contains(lines[0], label)) << label;
    EXPECT_TRUE(contains(lines[1], "2026-10-05 10:00〜10:10　指導 花子")) << lines[1];
    EXPECT_TRUE(contains(lines[1], "マイナンバーカード")) << lines[1];
    EXPECT_TRUE(contains(lines[1], "あり（家族（配偶者））")) << lines[1];
    EXPECT_TRUE(contains(lines[1], "効能・効果、副作用")) << lines[1];
    EXPECT_TRUE(contains(lines[1], "服薬管理指導料（情報通信機器） 45点")) << lines[1];
    EXPECT_TRUE(contains(lines[1], "yamada さん")) << lines[1];
    EXPECT_TRUE(contains(lines[2], "パスポート")) << lines[2];
    EXPECT_TRUE(contains(lines[2], "3か月以内の来局なし")) << lines[2];

    PdfFile pdf(f.pdf("guidance-records", kOctober));
    const std::string text = squeeze(pdf.text());
    EXPECT_TRUE(contains(text, "服薬指導記録"));
    EXPECT_TRUE(contains(text, "期間2026年10月1日〜2026年10月31日"));
    EXPECT_TRUE(contains(text, squeeze("指導 花子")));
    EXPECT_TRUE(contains(text, "セキュリティリスクの説明と同意"));
    EXPECT_FALSE(contains(text, "2026-11-02"));
}

TEST(GuidanceRecordsReport, RunsOverPagesWithTheTitleOnEachAndSaysNothingApplies) {
    ReportsFixture f;
    const auto rx = f.prescription({.patient_ref = "pt-g"});
    for (int i = 0; i < 12; ++i)
        f.guidanceSession({.prescription_id = rx,
                           .patient_ref = "pt-g",
                           .start = f.at("2026-10-05", 9, 0) + i * 1800});
    PdfFile pdf(f.pdf("guidance-records", kOctober));
    ASSERT_GE(pdf.pageCount(), 3);
    expectOnEveryPage(pdf, "服薬指導記録");
    expectOnEveryPage(pdf, "/" + std::to_string(pdf.pageCount()));

    PdfFile empty(f.pdf("guidance-records", "from=2026-12-01&to=2026-12-31"));
    EXPECT_EQ(empty.pageCount(), 1);
    EXPECT_TRUE(contains(squeeze(empty.text()), "該当なし"));
}

TEST(GuidanceRecordsReport, RejectsAMissingOrReversedPeriod) {
    ReportsFixture f;
    Response r = f.report(f.pharmacist, "guidance-records", "to=2026-10-31");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.errorCode(), "period_required");
    r = f.report(f.pharmacist, "guidance-records", "from=2026-10-31&to=2026-10-01");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.errorCode(), "period_invalid");
}

// ---------------------------------------------------------------- 算定集計

TEST(FeesReport, SumsPointsAndCountsByKindWithTheSessionsBehindThem) {
    ReportsFixture f;
    const auto rx = f.prescription({.patient_name = "算定 太郎", .patient_ref = "pt-f"});
    const auto day = f.at("2026-10-05", 9);
    f.guidanceSession({.prescription_id = rx, .start = day});         // 45
    f.guidanceSession({.prescription_id = rx, .start = day + 3600});  // 45
    f.guidanceSession({.prescription_id = rx,
                       .start = day + 7200,
                       .fee_points = 59,
                       .fee_basis = "returned_without_notebook",
                       .fee_reason = "手帳なし"});
    f.guidanceSession({.prescription_id = rx,
                       .start = day + 10800,
                       .fee_kind = "home_patient_online",
                       .fee_points = 59,
                       .fee_basis = "home_patient_online",
                       .fee_reason = "在宅患者",
                       .home_patient = true});
    f.guidanceSession({.prescription_id = rx,
                       .start = day + 14400,
                       .fee_kind = "none",
                       .fee_points = 0,
                       .fee_basis = "audio_only",
                       .fee_reason = "音声のみ"});
    f.guidanceSession({.prescription_id = rx, .start = f.at("2026-11-01", 0, 30)});  // November

    const std::string csv = f.csv("fees", "month=2026-10");
    EXPECT_TRUE(contains(csv, "区分,実施日時,予約番号,患者,薬剤師,算定の理由,件数,点数\r\n"))
        << csv;
    EXPECT_TRUE(contains(csv, "服薬管理指導料（情報通信機器）45点,小計,,,,,2,90\r\n")) << csv;
    EXPECT_TRUE(contains(csv, "服薬管理指導料（情報通信機器）59点,小計,,,,,1,59\r\n")) << csv;
    EXPECT_TRUE(contains(csv, "在宅患者オンライン薬剤管理指導料 59点,小計,,,,,1,59\r\n")) << csv;
    EXPECT_TRUE(contains(csv, "算定なし,小計,,,,,1,0\r\n")) << csv;
    EXPECT_TRUE(contains(csv, ",合計,,,,,5,208\r\n")) << csv;
    EXPECT_TRUE(contains(csv, "2026-10-05 11:00,")) << csv;
    EXPECT_TRUE(contains(csv, "算定 太郎")) << csv;
    EXPECT_FALSE(contains(csv, "2026-11-01")) << csv;

    PdfFile pdf(f.pdf("fees", "month=2026-10"));
    const std::string text = squeeze(pdf.text());
    EXPECT_TRUE(contains(text, "算定集計"));
    EXPECT_TRUE(contains(text, "2026年10月分"));
    EXPECT_TRUE(contains(text, "在宅患者オンライン薬剤管理指導料59点"));
    EXPECT_TRUE(contains(text, "合計"));
    EXPECT_TRUE(contains(text, "208"));
}

TEST(FeesReport, RequiresAMonthAndSaysNothingApplies) {
    ReportsFixture f;
    Response r = f.report(f.pharmacist, "fees", "format=csv");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.errorCode(), "month_required");
    r = f.report(f.pharmacist, "fees", "month=2026-13");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.errorCode(), "invalid_month");
    PdfFile empty(f.pdf("fees", "month=2026-02"));
    EXPECT_TRUE(contains(squeeze(empty.text()), "該当なし"));
}

// ---------------------------------------------------------------- 麻薬・向精神薬 交付記録

TEST(ControlledHandoversReport, ListsNarcoticsAndPsychotropicsHandedOverWithTheIdentityCheck) {
    ReportsFixture f;
    f.drugMaster({{"610000001", "アムロジピン錠５ｍｇ", 0},
                  {"610000002", "モルヒネ塩酸塩錠１０ｍｇ", 1},
                  {"610000003", "ゾルピデム酒石酸塩錠５ｍｇ", 5}});
    auto content = f.intake.prescription("RX-C1");
    content.rps.resize(1);
    content.rps[0].items.clear();
    int seq = 0;
    for (auto [code, name] : {std::pair{"610000001", "アムロジピン錠５ｍｇ"},
                              std::pair{"610000002", "モルヒネ塩酸塩錠１０ｍｇ"},
                              std::pair{"610000003", "ゾルピデム酒石酸塩錠５ｍｇ"}}) {
        prescription::DrugItem item;
        item.seq = ++seq;
        item.info_class = 1;
        item.code_system = prescription::DrugCodeSystem::Claims;
        item.code = code;
        item.name = name;
        item.amount = "1";
        item.potency_flag = 1;
        item.unit = "錠";
        content.rps[0].items.push_back(item);
    }
    const auto rx = f.prescription({.patient_name = "麻薬 患者",
                                    .patient_ref = "pt-n",
                                    .content_jahis = jahis::JahisWriter::write(content)});
    // Lines stored before claims codes were kept (NULL): matched to the content by name.
    const auto parcels =
        f.shipment({.prescription_id = rx,
                    .patient_ref = "pt-n",
                    .parcels = {{.items = {{"アムロジピン錠５ｍｇ", "28錠"},
                                           {"モルヒネ塩酸塩錠１０ｍｇ", "14錠"},
                                           {"ゾルピデム酒石酸塩錠５ｍｇ", "7錠"}}}}});
    f.delivered(parcels.front(), f.at("2026-10-10", 18, 30), "麻薬 患者");
    // A hand-over outside the period is left out.
    const auto later = f.shipment({.prescription_id = rx,
                                   .patient_ref = "pt-n",
                                   .parcels = {{.items = {{"モルヒネ塩酸塩錠１０ｍｇ", "99錠"}}}}});
    f.delivered(later.front(), f.at("2026-11-10", 10), "麻薬 患者");

    const std::string csv = f.csv("controlled-handovers", kOctober);
    const auto lines = ReportsFixture::lines(csv);
    ASSERT_EQ(lines.size(), 4u) << csv;  // header, morphine, zolpidem, total
    EXPECT_EQ(lines[0],
              "交付日時,患者,処方箋ID,薬品名,区分,数量,交付方法,交付者,受領者,本人確認,荷物番号");
    EXPECT_TRUE(contains(lines[1], "2026-10-10 18:30,麻薬 患者,")) << lines[1];
    EXPECT_TRUE(contains(lines[1],
                         "モルヒネ塩酸塩錠１０ｍｇ,麻薬,14錠,薬局職員の手渡し,yamada さん,"
                         "麻薬 患者,マイナンバーカード,"))
        << lines[1];
    EXPECT_TRUE(contains(lines[2], "ゾルピデム酒石酸塩錠５ｍｇ,向精神薬,7錠")) << lines[2];
    EXPECT_TRUE(contains(lines[3], "麻薬 1件・向精神薬 1件")) << lines[3];
    EXPECT_FALSE(contains(csv, "アムロジピン"));
    EXPECT_FALSE(contains(csv, "99錠"));

    PdfFile pdf(f.pdf("controlled-handovers", kOctober));
    const std::string text = squeeze(pdf.text());
    EXPECT_TRUE(contains(text, "麻薬・向精神薬交付記録"));
    EXPECT_TRUE(contains(text, "モルヒネ塩酸塩錠"));
    EXPECT_TRUE(contains(text, "マイナンバーカード"));
    EXPECT_FALSE(contains(text, "アムロジピン"));

    PdfFile empty(f.pdf("controlled-handovers", "from=2026-01-01&to=2026-01-31"));
    EXPECT_TRUE(contains(squeeze(empty.text()), "該当なし"));
}

TEST(ControlledHandoversReport, MatchesParcelLinesByClaimsCodeWithoutThePrescriptionText) {
    ReportsFixture f;
    f.drugMaster({{"610000001", "アムロジピン錠５ｍｇ", 0},
                  {"610000002", "モルヒネ塩酸塩錠１０ｍｇ", 1},
                  {"610000003", "ゾルピデム酒石酸塩錠５ｍｇ", 5}});
    // No JAHIS content at all: the parcel's lines and their claims codes are enough. The
    // lines' names differ from the master's (as dispensed), so a match by name would miss
    // them; a line without a code is classified by its name.
    const auto rx = f.prescription({.patient_name = "コード 患者", .patient_ref = "pt-code"});
    const auto parcels =
        f.shipment({.prescription_id = rx,
                    .patient_ref = "pt-code",
                    .parcels = {{.items = {{"降圧薬（院内名）", "28錠", "610000001"},
                                           {"オピオイド錠（院内名）", "14錠", "610000002"},
                                           {"睡眠薬（院内名）", "7錠", "610000003"},
                                           {"ビタミン剤", "30錠", ""}}}}});
    f.delivered(parcels.front(), f.at("2026-10-12", 11), "コード 患者");

    const std::string csv = f.csv("controlled-handovers", kOctober);
    const auto lines = ReportsFixture::lines(csv);
    ASSERT_EQ(lines.size(), 4u) << csv;  // header, the narcotic, the psychotropic, total
    EXPECT_TRUE(contains(lines[1], "オピオイド錠（院内名）,麻薬,14錠")) << lines[1];
    EXPECT_TRUE(contains(lines[2], "睡眠薬（院内名）,向精神薬,7錠")) << lines[2];
    EXPECT_FALSE(contains(csv, "降圧薬"));
    EXPECT_FALSE(contains(csv, "ビタミン剤"));
    EXPECT_TRUE(contains(lines[3], "麻薬 1件・向精神薬 1件")) << lines[3];
}

TEST(ControlledHandoversReport, BreaksPagesWithTheColumnHeaderOnEveryPage) {
    ReportsFixture f;
    f.drugMaster({{"610000002", "モルヒネ塩酸塩錠１０ｍｇ", 1}});
    auto content = f.intake.prescription("RX-C2");
    content.rps.resize(1);
    content.rps[0].items.resize(1);
    auto& item = content.rps[0].items[0];
    item.seq = 1;
    item.info_class = 1;
    item.code_system = prescription::DrugCodeSystem::Claims;
    item.code = "610000002";
    item.name = "モルヒネ塩酸塩錠１０ｍｇ";
    item.amount = "1";
    item.unit = "錠";
    const auto rx = f.prescription(
        {.patient_ref = "pt-n", .content_jahis = jahis::JahisWriter::write(content)});
    for (int i = 0; i < 45; ++i) {
        const auto parcels =
            f.shipment({.prescription_id = rx, .patient_ref = "pt-n", .parcels = {{.items = {}}}});
        f.delivered(parcels.front(), f.at("2026-10-10", 9) + i * 600, "受取 " + std::to_string(i));
    }
    PdfFile pdf(f.pdf("controlled-handovers", kOctober));
    ASSERT_GE(pdf.pageCount(), 2);
    expectOnEveryPage(pdf, "本人確認");
    expectOnEveryPage(pdf, "麻薬・向精神薬交付記録");
}

// ---------------------------------------------------------------- 監査抽出

TEST(AuditExtractReport, ShowsWhoAccessedThePatientsData) {
    ReportsFixture f;
    const auto rx = f.prescription({.patient_name = "監査 対象",
                                    .patient_ref = "pt-audit",
                                    .received_at = f.at("2026-09-01", 9)});
    const auto other = f.prescription({.patient_name = "別 患者", .patient_ref = "pt-other"});
    f.guidanceSession(
        {.prescription_id = rx, .patient_ref = "pt-audit", .start = f.at("2026-09-10", 9)});
    f.guidanceSession(
        {.prescription_id = other, .patient_ref = "pt-other", .start = f.at("2026-09-10", 10)});
    // The pharmacist prints the guidance records: that read is in the patient's trail.
    ASSERT_EQ(f.report(f.pharmacist, "guidance-records", "from=2026-09-01&to=2026-09-30").status,
              200);

    const std::string today = formatDate(tokyoDate(f.server.clock().now()));
    const std::string period = "from=2026-01-01&to=" + today;
    const std::string by_ref = f.csv("audit-extract", period + "&patient_ref=pt-audit");
    const auto lines = ReportsFixture::lines(by_ref);
    ASSERT_GE(lines.size(), 3u) << by_ref;
    EXPECT_EQ(lines[0], "日時,操作者,操作,対象,結果,接続元,詳細");
    EXPECT_TRUE(contains(by_ref, "yamada さん（user:")) << by_ref;
    EXPECT_TRUE(contains(by_ref, "report.generate,report guidance-records,ok")) << by_ref;
    EXPECT_FALSE(contains(by_ref, "pt-other")) << by_ref;

    const std::string by_rx =
        f.csv("audit-extract", period + "&prescription_id=" + std::to_string(rx));
    EXPECT_TRUE(contains(by_rx, "report.generate,report guidance-records,ok")) << by_rx;

    PdfFile pdf(f.pdf("audit-extract", period + "&patient_ref=pt-audit"));
    const std::string text = squeeze(pdf.text());
    EXPECT_TRUE(contains(text, "監査抽出"));
    EXPECT_TRUE(contains(text, "pt-audit"));
    EXPECT_TRUE(contains(text, "report.generate"));

    PdfFile empty(f.pdf("audit-extract", "from=2020-01-01&to=2020-01-31&patient_ref=pt-audit"));
    EXPECT_TRUE(contains(squeeze(empty.text()), "該当なし"));
}

TEST(AuditExtractReport, NeedsAPatientOrAKnownPrescription) {
    ReportsFixture f;
    Response r = f.report(f.pharmacist, "audit-extract", kOctober);
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.errorCode(), "patient_required");
    r = f.report(f.pharmacist, "audit-extract", std::string(kOctober) + "&prescription_id=424242");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.errorCode(), "prescription_not_found");
}

// ---------------------------------------------------------------- access, audit, encodings

TEST(Reports, AreRefusedToClerksAndAllowedToAdmins) {
    ReportsFixture f;
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"outstanding-originals", ""},
        {"route-sheet", "date=2026-10-15"},
        {"guidance-records", kOctober},
        {"fees", "month=2026-10"},
        {"controlled-handovers", kOctober},
        {"audit-extract", std::string(kOctober) + "&patient_ref=pt-1"},
    };
    for (const auto& [name, query] : cases) {
        SCOPED_TRACE(name);
        Response refused = f.report(f.clerk, name, query);
        EXPECT_EQ(refused.status, 403) << refused.body;
        Response allowed = f.report(f.admin, name, query + "&format=csv");
        EXPECT_EQ(allowed.status, 200) << allowed.body;
        Response anonymous = f.server.client().get("/api/v1/reports/" + name + "?" + query);
        EXPECT_EQ(anonymous.status, 401);
    }
    // Only the admin's requests produced (and audited) a report.
    EXPECT_EQ(f.auditOf("report.generate").size(), cases.size());
}

TEST(Reports, AuditEveryGenerationWithNameAndPeriodButNoPatientData) {
    ReportsFixture f;
    const auto rx = f.prescription({.patient_name = "秘密 太郎", .patient_ref = "pt-secret"});
    f.guidanceSession(
        {.prescription_id = rx, .patient_ref = "pt-secret", .start = f.at("2026-10-05", 10)});
    f.csv("guidance-records", kOctober);
    const auto generated = f.auditOf("report.generate");
    ASSERT_EQ(generated.size(), 1u);
    EXPECT_EQ(generated[0].first, "") << "the generation entry names no patient";
    EXPECT_EQ(generated[0].second,
              "report=guidance-records from=2026-10-01 to=2026-10-31 format=csv rows=1 "
              "patients=1");
    EXPECT_TRUE(f.auditOf("report.patient_read").empty())
        << "one entry per report, not per patient";
    EXPECT_EQ(f.disclosures(f.lastAuditSeq("report.generate")),
              std::vector<std::string>{"pt-secret"});
}

TEST(Reports, AuditOneEntryPerReportWithItsPatientsBesideItForTheirAuditExtracts) {
    ReportsFixture f;
    for (const char* ref : {"pt-1", "pt-2", "pt-3"}) {
        const auto rx = f.prescription({.patient_name = "患者 一同", .patient_ref = ref});
        f.guidanceSession({.prescription_id = rx,
                           .patient_ref = ref,
                           .start = f.at("2026-10-05", 9) + 3600 * (ref[3] - '0')});
    }
    const auto absent = f.prescription({.patient_ref = "pt-absent"});
    f.guidanceSession(
        {.prescription_id = absent, .patient_ref = "pt-absent", .start = f.at("2026-11-05", 9)});
    const auto entries_before = f.auditOf("report.generate").size();
    ASSERT_EQ(
        f.report(f.pharmacist, "guidance-records", std::string(kOctober) + "&format=pdf").status,
        200);

    const auto generated = f.auditOf("report.generate");
    ASSERT_EQ(generated.size(), entries_before + 1);
    EXPECT_TRUE(contains(generated.back().second, "rows=3 patients=3")) << generated.back().second;
    EXPECT_TRUE(f.auditOf("report.patient_read").empty());
    const auto seq = f.lastAuditSeq("report.generate");
    EXPECT_EQ(f.disclosures(seq), (std::vector<std::string>{"pt-1", "pt-2", "pt-3"}));

    // Each patient's audit extract names the report that showed their data; a patient the
    // report did not show finds no such line.
    const std::string today = formatDate(tokyoDate(f.server.clock().now()));
    for (const char* ref : {"pt-1", "pt-3"}) {
        const std::string extract =
            f.csv("audit-extract", "from=2026-01-01&to=" + today + "&patient_ref=" + ref);
        EXPECT_TRUE(contains(extract, "report.generate,report guidance-records,ok")) << extract;
        EXPECT_TRUE(contains(extract, "report=guidance-records from=2026-10-01 to=2026-10-31"))
            << extract;
    }
    const std::string other =
        f.csv("audit-extract", "from=2026-01-01&to=" + today + "&patient_ref=pt-absent");
    EXPECT_FALSE(contains(other, "report guidance-records")) << other;
    // The disclosures are append-only, like the audit log.
    EXPECT_THROW(f.db.exec("DELETE FROM report_disclosures"), SQLite::Exception);
}

TEST(Reports, AShiftJisCsvThatCannotBeWrittenIsRefusedAndNotAuditedAsGenerated) {
    ReportsFixture f;
    // 𠮷 (U+20BB7) has no Shift_JIS (CP932) code.
    const auto rx = f.prescription({.patient_name = "𠮷田 太郎", .patient_ref = "pt-sj"});
    f.guidanceSession(
        {.prescription_id = rx, .patient_ref = "pt-sj", .start = f.at("2026-10-05", 10)});
    Response r = f.report(f.pharmacist, "fees", "month=2026-10&format=csv&encoding=sjis");
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.errorCode(), "csv_not_shift_jis");
    EXPECT_FALSE(contains(r.body, "𠮷")) << "no patient data in the error";
    EXPECT_TRUE(f.auditOf("report.generate").empty()) << "nothing was handed out";
    EXPECT_EQ(f.db.execAndGet("SELECT COUNT(*) FROM report_disclosures").getInt(), 0);

    // The same report in UTF-8 is handed out and audited.
    f.csv("fees", "month=2026-10");
    EXPECT_EQ(f.auditOf("report.generate").size(), 1u);
}

TEST(Reports, WriteShiftJisCsvOnRequest) {
    ReportsFixture f;
    const auto rx = f.prescription({.patient_name = "渡辺 髙子", .patient_ref = "pt-s"});
    f.guidanceSession(
        {.prescription_id = rx, .patient_ref = "pt-s", .start = f.at("2026-10-05", 10)});
    Response r = f.report(f.pharmacist, "fees", "month=2026-10&format=csv&encoding=sjis");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("Content-Type"), "text/csv; charset=Shift_JIS");
    EXPECT_NE(r.body.rfind("\xEF\xBB\xBF", 0), 0u) << "no BOM in Shift_JIS";
    EXPECT_FALSE(isValidUtf8(r.body)) << "the body is not UTF-8";
    const auto utf8 = cp932ToUtf8(r.body);
    ASSERT_TRUE(utf8.has_value());
    EXPECT_TRUE(contains(*utf8, "渡辺 髙子")) << *utf8;
    EXPECT_TRUE(contains(*utf8, "区分,実施日時,予約番号,患者")) << *utf8;
    EXPECT_TRUE(contains(r.header("Content-Disposition"), "fees-2026-10.csv"));
}

TEST(Reports, RejectUnknownNamesAndFormats) {
    ReportsFixture f;
    Response r = f.report(f.pharmacist, "nonsense", kOctober);
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.errorCode(), "report_not_found");
    r = f.report(f.pharmacist, "fees", "month=2026-10&format=xlsx");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.errorCode(), "invalid_format");
    r = f.report(f.pharmacist, "fees", "month=2026-10&format=csv&encoding=latin1");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.errorCode(), "invalid_encoding");
}

}  // namespace
}  // namespace rxdesk::testing
