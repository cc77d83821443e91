#include "reporting/ReportService.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "core/Error.h"
#include "dispatch/rules/HandlingVocabulary.h"
#include "guidance/GuidanceFee.h"
#include "reporting/ReportCatalogue.h"
#include "shipping/LabelMarks.h"

namespace rxdesk::reporting {

using reports::Align;
using reports::Column;
using reports::Field;
using reports::Report;
using reports::Row;
using reports::Section;

namespace {

// Every text the reports print besides the data comes from here, so the wording of a
// heading is the same on paper and in the CSV header.
constexpr std::string_view kNone = "なし";

std::string jaDate(Date d) {
    return std::to_string(int(d.year())) + "年" + std::to_string(unsigned(d.month())) + "月" +
           std::to_string(unsigned(d.day())) + "日";
}

std::string periodText(Date from, Date to) {
    return "期間 " + jaDate(from) + "〜" + jaDate(to);
}

// "2026-11-21 14:35" in Asia/Tokyo.
std::string timeText(TimePoint t) {
    std::string s = formatTokyo(t).substr(0, 16);
    s[10] = ' ';
    return s;
}
std::string timeText(std::int64_t unix_seconds) {
    return timeText(fromUnixSeconds(unix_seconds));
}
std::string hourMinute(TimePoint t) {
    return formatTokyo(t).substr(11, 5);
}

std::string yesNo(bool value) {
    return value ? "はい" : "いいえ";
}

Date nextDay(Date d) {
    return Date{std::chrono::sys_days(d) + std::chrono::days{1}};
}

struct Period {
    Date from;
    Date to;
    std::int64_t from_s = 0;  // inclusive
    std::int64_t to_s = 0;    // exclusive: the start of the day after `to`
};

Period makePeriod(Date from, Date to) {
    return {from, to, unixSeconds(tokyoTime(from)), unixSeconds(tokyoTime(nextDay(to)))};
}

Period requirePeriod(const ReportRequest& r) {
    if (!r.from)
        throw Error(ErrorKind::BadRequest, "period_required", "期間の開始日を指定してください",
                    "from");
    if (!r.to)
        throw Error(ErrorKind::BadRequest, "period_required", "期間の終了日を指定してください",
                    "to");
    if (*r.to < *r.from)
        throw Error(ErrorKind::BadRequest, "period_invalid", "終了日が開始日より前です", "to");
    return makePeriod(*r.from, *r.to);
}

std::string methodLabel(std::string_view method_name) {
    using dispatch::DeliveryMethod;
    auto m = dispatch::parseDeliveryMethod(method_name);
    if (!m) return std::string(method_name);
    switch (*m) {
        case DeliveryMethod::CarrierNormal:
            return "宅配便（常温）";
        case DeliveryMethod::CarrierChilled:
            return "宅配便（冷蔵）";
        case DeliveryMethod::CarrierFrozen:
            return "宅配便（冷凍）";
        case DeliveryMethod::StaffHandDelivery:
            return "薬局職員の手渡し";
        case DeliveryMethod::PatientPickup:
            return "来局受取";
    }
    return std::string(method_name);
}

std::string identityCheckLabel(dispatch::IdentityCheckMethod m) {
    using dispatch::IdentityCheckMethod;
    switch (m) {
        case IdentityCheckMethod::None:
            return "確認なし";
        case IdentityCheckMethod::MyNumberCard:
            return "マイナンバーカード";
        case IdentityCheckMethod::DriverLicence:
            return "運転免許証";
        case IdentityCheckMethod::Passport:
            return "パスポート";
        case IdentityCheckMethod::InsuranceCard:
            return "資格確認書・保険証（＋他の書類）";
        case IdentityCheckMethod::Other:
            return "その他";
    }
    return "";
}

// B2 delivery time-slot codes as the delivery staff read them.
std::string timeSlotLabel(const std::string& code) {
    if (code.empty()) return "指定なし";
    if (code == "0812") return "午前中";
    if (code.size() == 4 && std::all_of(code.begin(), code.end(), ::isdigit))
        return std::to_string(std::stoi(code.substr(0, 2))) + "〜" +
               std::to_string(std::stoi(code.substr(2, 2))) + "時";
    return code;
}

std::string postcodeText(const std::string& postcode) {
    if (postcode.empty()) return {};
    if (postcode.size() == 7) return "〒" + postcode.substr(0, 3) + "-" + postcode.substr(3);
    return "〒" + postcode;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

std::string count(std::size_t n) {
    return std::to_string(n);
}

}  // namespace

std::span<const std::string_view> reportNames() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> out;
        for (const auto& r : reportCatalogue()) out.push_back(r.name);
        return out;
    }();
    return names;
}

struct ReportService::Built {
    Report report;
    std::set<std::string> patient_refs;  // whose data the report shows
    std::size_t rows = 0;
    std::string parameters;  // for the audit detail: never patient data
};

ReportService::Built ReportService::build(const ReportRequest& request,
                                          const auth::Caller& caller) {
    Built built;
    if (request.name == "outstanding-originals") {
        built = outstandingOriginals(request, caller);
    } else if (request.name == "route-sheet") {
        built = routeSheet(request);
    } else if (request.name == "guidance-records") {
        built = guidanceRecords(request);
    } else if (request.name == "fees") {
        built = fees(request);
    } else if (request.name == "controlled-handovers") {
        built = controlledHandovers(request);
    } else if (request.name == "audit-extract") {
        built = auditExtract(request);
    } else {
        throw Error(ErrorKind::NotFound, "report_not_found", "その帳票はありません");
    }
    built.report.generated_at = clock_.now();
    built.patient_refs.erase(std::string());
    return built;
}

void ReportService::recordGeneration(const ReportRequest& request, const auth::Caller& caller,
                                     const Built& built) {
    std::string detail = "report=" + request.name;
    if (!built.parameters.empty()) detail += " " + built.parameters;
    if (!request.format.empty()) detail += " format=" + request.format;
    detail += " rows=" + std::to_string(built.rows);
    detail += " patients=" + std::to_string(built.patient_refs.size());
    tx_.write([&] {
        audit_.record(audit::AuditEvent{caller.principal.actor(), "report.generate", "report",
                                        request.name, std::nullopt, caller.remote_addr, "ok",
                                        detail});
        // One entry however many patients the report shows (a year of guidance records is
        // thousands); the patients go beside it, so that each one's audit extract names it.
        if (!built.patient_refs.empty())
            queries_.recordDisclosures(audit_entries_.head().seq, built.patient_refs);
    });
}

reports::Report ReportService::generate(const ReportRequest& request, const auth::Caller& caller) {
    Built built = build(request, caller);
    recordGeneration(request, caller, built);
    return std::move(built.report);
}

std::string ReportService::generate(const ReportRequest& request, const auth::Caller& caller,
                                    const Render& render) {
    Built built = build(request, caller);
    std::string out = render(built.report);
    recordGeneration(request, caller, built);
    return out;
}

ReportService::Built ReportService::outstandingOriginals(const ReportRequest& request,
                                                         const auth::Caller& caller) {
    if (request.from && request.to && *request.to < *request.from)
        throw Error(ErrorKind::BadRequest, "period_invalid", "終了日が開始日より前です", "to");
    Built b;
    Report& r = b.report;
    r.title = "原本未着一覧";
    r.orientation = reports::Orientation::Landscape;
    const Date today = tokyoDate(clock_.now());
    r.subtitle = jaDate(today) + " 現在";
    if (request.from || request.to) {
        r.subtitle += "（受付 " + (request.from ? jaDate(*request.from) : std::string()) + "〜" +
                      (request.to ? jaDate(*request.to) : std::string()) + "）";
        if (request.from) b.parameters += "from=" + formatDate(*request.from);
        if (request.to)
            b.parameters +=
                std::string(b.parameters.empty() ? "" : " ") + "to=" + formatDate(*request.to);
    }
    r.columns = {{"処方箋ID", 0.7, Align::Right, false}, {"処方箋番号", 1.1, Align::Left, true},
                 {"患者", 1.4, Align::Left, true},       {"交付日", 0.9, Align::Center, false},
                 {"受付日", 0.9, Align::Center, false},  {"調剤日", 0.9, Align::Center, false},
                 {"経過日数", 0.7, Align::Right, false}, {"期限", 0.9, Align::Center, false},
                 {"状態", 1.3, Align::Left, true}};

    // Clinics in name order; within a clinic the service's order (most urgent first).
    std::map<std::string, std::vector<const originals::OutstandingEntry*>> by_clinic;
    const auto entries = originals_.outstanding(std::nullopt, caller);
    for (const auto& e : entries) {
        const Date received = tokyoDate(fromUnixSeconds(e.row.received_at));
        if (request.from && received < *request.from) continue;
        if (request.to && *request.to < received) continue;
        std::string clinic = e.row.clinic_name.empty()
                                 ? "医療機関未登録（" + e.row.institution_code + "）"
                                 : e.row.clinic_name;
        by_clinic[clinic].push_back(&e);
    }
    std::size_t total = 0;
    std::size_t total_overdue = 0;
    for (const auto& [clinic, list] : by_clinic) {
        Section s{.heading = clinic};
        std::size_t overdue = 0;
        for (const auto* e : list) {
            std::string due;
            std::string state;
            if (!e->deadline) {
                state = "未調剤";
            } else if (e->deadline->overdue) {
                ++overdue;
                due = formatDate(e->deadline->due_on);
                state = "期限超過（" + std::to_string(e->deadline->days_overdue) + "日）";
            } else {
                due = formatDate(e->deadline->due_on);
                state = "期限内（あと" + std::to_string(e->deadline->days_until_due) + "日）";
            }
            s.rows.push_back({std::to_string(e->row.prescription_id), e->row.prescription_number,
                              e->row.patient_name, e->row.issue_date,
                              formatDate(tokyoDate(fromUnixSeconds(e->row.received_at))),
                              e->row.dispensed_on, std::to_string(e->age_days), due, state});
            b.patient_refs.insert(e->row.patient_ref);
        }
        s.subtotals.push_back({"小計", "", "", "", "", "", count(list.size()) + "件", "",
                               "うち期限超過 " + count(overdue) + "件"});
        total += list.size();
        total_overdue += overdue;
        b.rows += list.size();
        r.sections.push_back(std::move(s));
    }
    if (total > 0) {
        r.totals.push_back({"合計", "", "", "", "", "", count(total) + "件", "",
                            "うち期限超過 " + count(total_overdue) + "件"});
    }
    r.footnotes = {
        "経過日数は調剤日から（未調剤は受付日から）数えた日数です。期限は医療機関ごとの"
        "郵送期限または請求締切の早い方です。"};
    return b;
}

ReportService::Built ReportService::routeSheet(const ReportRequest& request) {
    if (!request.date)
        throw Error(ErrorKind::BadRequest, "date_required", "配送日を指定してください", "date");
    const std::string date = formatDate(*request.date);
    std::vector<shipping::ShipmentRecord> shipments;
    tx_.read([&] { shipments = queries_.shipmentsOn(date); });

    Built b;
    b.parameters = "date=" + date;
    Report& r = b.report;
    r.title = "配送一覧";
    r.subtitle = "配送日 " + jaDate(*request.date);
    r.orientation = reports::Orientation::Landscape;
    r.columns = {{"順", 0.4, Align::Center, false},      {"荷物番号", 1.2, Align::Left, false},
                 {"時間帯", 0.8, Align::Center, true},   {"お届け先", 1.2, Align::Left, true},
                 {"住所", 2.6, Align::Left, true},       {"電話", 1.1, Align::Left, false},
                 {"取扱い", 1.7, Align::Left, true},     {"代引", 0.7, Align::Right, false},
                 {"受領サイン", 1.6, Align::Left, false}};

    struct Line {
        const shipping::ShipmentRecord* shipment;
        const shipping::ParcelRecord* parcel;
    };
    std::vector<Line> round, carrier, pickup;
    for (const auto& s : shipments) {
        for (const auto& p : s.parcels) {
            if (p.method == dispatch::DeliveryMethod::StaffHandDelivery)
                round.push_back({&s, &p});
            else if (p.method == dispatch::DeliveryMethod::PatientPickup)
                pickup.push_back({&s, &p});
            else
                carrier.push_back({&s, &p});
        }
    }
    // The round in the order of the time slots asked for ("指定なし" last), then as planned.
    const auto slot_key = [](const Line& l) {
        const auto& slot = l.shipment->time_slot;
        return std::make_tuple(slot.empty() ? std::string("9999") : slot, l.shipment->id,
                               l.parcel->seq);
    };
    for (auto* list : {&round, &carrier, &pickup}) {
        std::stable_sort(list->begin(), list->end(),
                         [&](const Line& a, const Line& c) { return slot_key(a) < slot_key(c); });
    }
    const auto section = [&](std::string heading, const std::vector<Line>& lines) {
        if (lines.empty()) return;
        Section s{.heading = std::move(heading)};
        std::size_t n = 0;
        for (const auto& l : lines) {
            const auto& p = *l.parcel;
            const auto& to = l.shipment->recipient;
            std::vector<std::string> handling;
            for (auto mark : p.marks) handling.emplace_back(labels::handlingMarkText(mark));
            if (p.needs_signature) handling.emplace_back("署名要");
            if (p.needs_identity_check) handling.emplace_back("本人確認要");
            const auto cod = l.shipment->cash_on_delivery;
            s.rows.push_back({count(++n), p.parcel_number, timeSlotLabel(l.shipment->time_slot),
                              to.name, joined({postcodeText(to.postcode), to.address}, " "),
                              to.phone, joined(handling, "・"),
                              cod ? std::to_string(*cod) + "円" : std::string(), ""});
            b.patient_refs.insert(l.shipment->patient_ref);
        }
        s.subtotals.push_back({"", "計 " + count(lines.size()) + "個", "", "", "", "", "", "", ""});
        b.rows += lines.size();
        r.sections.push_back(std::move(s));
    };
    section("配達（薬局職員の手渡し）", round);
    section("宅配便 集荷", carrier);
    section("来局受取", pickup);
    r.footnotes = {
        "受領サイン欄には受取人の署名をいただいてください。本人確認要の荷物は本人確認書類を確認し、"
        "置き配はしないでください。",
        "宅配便の荷物は集荷時に業者へ引き渡し、受領サイン欄に集荷担当者の署名をいただいてください"
        "。"};
    return b;
}

ReportService::Built ReportService::guidanceRecords(const ReportRequest& request) {
    const Period period = requirePeriod(request);
    std::vector<GuidanceRow> rows;
    tx_.read([&] { rows = queries_.guidanceRecords(period.from_s, period.to_s); });

    Built b;
    b.parameters = "from=" + formatDate(period.from) + " to=" + formatDate(period.to);
    Report& r = b.report;
    r.title = "服薬指導記録";
    r.subtitle = periodText(period.from, period.to);
    for (const auto& row : rows) {
        const auto& s = row.stored;
        const auto& g = s.record;
        std::vector<std::string> topics;
        for (auto t : g.explained_topics) topics.emplace_back(guidance::topicLabelJa(t));
        std::string outcome = g.outcome == guidance::SessionOutcome::Completed ? "完了"
                              : g.outcome == guidance::SessionOutcome::SwitchedToFaceToFace
                                  ? "対面への切替"
                                  : "中止";
        std::string fee_kind = s.fee.kind == guidance::FeeKind::MedicationManagementOnline
                                   ? "服薬管理指導料（情報通信機器）"
                               : s.fee.kind == guidance::FeeKind::HomePatientOnline
                                   ? "在宅患者オンライン薬剤管理指導料"
                                   : "算定なし";
        std::string identity(guidance::identityDocumentLabelJa(g.identity_document));
        if (!g.identity_document_other.empty()) identity += "（" + g.identity_document_other + "）";
        const std::string started = g.started_at ? timeText(*g.started_at) : "";
        const std::string ended = g.ended_at ? timeText(*g.ended_at) : "";
        Section sec;
        sec.heading =
            started + (g.ended_at ? "〜" + hourMinute(*g.ended_at) : "") + "　" + row.patient_name;
        sec.fields = {
            {"予約番号", std::to_string(s.appointment_id)},
            {"処方箋ID", row.prescription_id ? std::to_string(row.prescription_id) : ""},
            {"患者", row.patient_name},
            {"患者参照", s.patient_ref},
            {"薬剤師", row.pharmacist_name},
            {"開始", started},
            {"終了", ended},
            {"方式", g.mode == guidance::SessionMode::Video ? "映像と音声" : "音声のみ"},
            {"映像・音声の双方向確認", yesNo(g.video_and_audio_confirmed)},
            {"初回", yesNo(g.first_session)},
            {"本人確認書類", identity},
            {"薬剤師の氏名・資格の提示", yesNo(g.pharmacist_identity_shown)},
            {"同席者", g.others_present
                           ? (g.others_description.empty() ? std::string("あり")
                                                           : "あり（" + g.others_description + "）")
                           : std::string("なし")},
            {"同席についての患者の同意", g.others_present ? yesNo(g.others_consent) : "―"},
            {"セキュリティリスクの説明と同意", yesNo(g.security_risk_agreed)},
            {"プライバシーが保たれた場所", yesNo(g.private_space_confirmed)},
            {"録画・録音", g.recorded ? "あり" : "なし"},
            {"録画・録音の同意", g.recorded ? yesNo(g.recording_consent) : "―"},
            {"説明内容", topics.empty() ? std::string(kNone) : joined(topics, "、")},
            {"結果", outcome},
            {"中止・切替の理由", g.stop_reason},
            {"お薬手帳の提示", yesNo(s.history.notebook_presented)},
            {"在宅患者", yesNo(s.history.home_patient)},
            {"同日の訪問薬剤管理指導", yesNo(s.history.home_visit_same_day)},
            {"前回来局日", s.history.previous_prescription_date
                               ? formatDate(*s.history.previous_prescription_date)
                               : std::string(kNone)},
            {"算定", fee_kind + " " + std::to_string(s.fee.points) + "点"},
            {"算定の理由", s.fee.reason_ja},
            {"記録日時", timeText(s.recorded_at)},
        };
        r.sections.push_back(std::move(sec));
        b.patient_refs.insert(s.patient_ref);
        ++b.rows;
    }
    return b;
}

ReportService::Built ReportService::fees(const ReportRequest& request) {
    if (!request.month)
        throw Error(ErrorKind::BadRequest, "month_required", "算定月（YYYY-MM）を指定してください",
                    "month");
    const Date first{request.month->year(), request.month->month(), std::chrono::day{1}};
    const Date last{request.month->year() / request.month->month() / std::chrono::last};
    const Period period = makePeriod(first, last);
    std::vector<GuidanceRow> rows;
    tx_.read([&] { rows = queries_.guidanceRecords(period.from_s, period.to_s); });

    Built b;
    b.parameters = "month=" + formatDate(first).substr(0, 7);
    Report& r = b.report;
    r.title = "算定集計";
    r.subtitle =
        std::to_string(int(first.year())) + "年" + std::to_string(unsigned(first.month())) + "月分";
    r.columns = {{"実施日時", 1.3, Align::Left, false},  {"予約番号", 0.7, Align::Right, false},
                 {"患者", 1.3, Align::Left, true},       {"薬剤師", 1.1, Align::Left, true},
                 {"算定の理由", 3.0, Align::Left, true}, {"件数", 0.6, Align::Right, false},
                 {"点数", 0.7, Align::Right, false}};

    struct Kind {
        std::string label;
        std::vector<const GuidanceRow*> rows;
        int points = 0;
    };
    std::array<Kind, 4> kinds{{{"服薬管理指導料（情報通信機器）45点", {}, 0},
                               {"服薬管理指導料（情報通信機器）59点", {}, 0},
                               {"在宅患者オンライン薬剤管理指導料 59点", {}, 0},
                               {"算定なし", {}, 0}}};
    for (const auto& row : rows) {
        const auto& fee = row.stored.fee;
        std::size_t k = 3;
        if (fee.kind == guidance::FeeKind::MedicationManagementOnline &&
            fee.points == guidance::kOnlineReturnWithNotebookPoints)
            k = 0;
        else if (fee.kind == guidance::FeeKind::MedicationManagementOnline &&
                 fee.points == guidance::kOnlineStandardPoints)
            k = 1;
        else if (fee.kind == guidance::FeeKind::HomePatientOnline &&
                 fee.points == guidance::kHomePatientOnlinePoints)
            k = 2;
        kinds[k].rows.push_back(&row);
        kinds[k].points += fee.points;
        b.patient_refs.insert(row.stored.patient_ref);
    }
    std::size_t total_count = 0;
    int total_points = 0;
    for (const auto& kind : kinds) {
        if (kind.rows.empty()) continue;
        Section s{.heading = kind.label};
        for (const auto* row : kind.rows) {
            const auto& st = row->stored;
            s.rows.push_back({st.record.started_at ? timeText(*st.record.started_at) : "",
                              std::to_string(st.appointment_id), row->patient_name,
                              row->pharmacist_name, st.fee.reason_ja, "1",
                              std::to_string(st.fee.points)});
        }
        s.subtotals.push_back(
            {"小計", "", "", "", "", count(kind.rows.size()), std::to_string(kind.points)});
        r.sections.push_back(std::move(s));
        total_count += kind.rows.size();
        total_points += kind.points;
    }
    if (total_count > 0) {
        for (const auto& kind : kinds) {
            r.totals.push_back(
                {kind.label, "", "", "", "", count(kind.rows.size()), std::to_string(kind.points)});
        }
        r.totals.push_back(
            {"合計", "", "", "", "", count(total_count), std::to_string(total_points)});
    }
    b.rows = total_count;
    r.footnotes = {
        "点数は服薬指導の記録時に算定要件から決めたものです（令和6年度調剤報酬）。"
        "同日に訪問薬剤管理指導を行った在宅患者のオンライン指導は算定なしに含みます。"};
    return b;
}

ReportService::Built ReportService::controlledHandovers(const ReportRequest& request) {
    const Period period = requirePeriod(request);
    std::vector<HandoverRow> rows;
    tx_.read([&] { rows = queries_.handovers(period.from_s, period.to_s); });

    Built b;
    b.parameters = "from=" + formatDate(period.from) + " to=" + formatDate(period.to);
    Report& r = b.report;
    r.title = "麻薬・向精神薬 交付記録";
    r.subtitle = periodText(period.from, period.to);
    r.orientation = reports::Orientation::Landscape;
    r.columns = {{"交付日時", 1.2, Align::Left, false},  {"患者", 1.2, Align::Left, true},
                 {"処方箋ID", 0.6, Align::Right, false}, {"薬品名", 2.1, Align::Left, true},
                 {"区分", 0.7, Align::Center, false},    {"数量", 0.7, Align::Right, true},
                 {"交付方法", 1.0, Align::Left, true},   {"交付者", 1.0, Align::Left, true},
                 {"受領者", 1.0, Align::Left, true},     {"本人確認", 1.6, Align::Left, true},
                 {"荷物番号", 1.1, Align::Left, false}};
    Section s;
    std::size_t narcotics = 0;
    std::size_t psychotropics = 0;
    // A year holds thousands of hand-overs of the same few drugs: classify each drug once.
    std::map<std::pair<std::string, std::string>, checks::DrugClasses> known;
    const auto classesOf = [&](const std::string& claims_code, const std::string& name) {
        auto [at, inserted] = known.try_emplace({claims_code, name});
        if (inserted) {
            prescription::DrugItem item;
            item.name = name;
            if (!claims_code.empty()) {
                item.code_system = prescription::DrugCodeSystem::Claims;
                item.code = claims_code;
            }
            at->second = classifier_.classify(item);
        }
        return at->second;
    };
    for (const auto& h : rows) {
        // What the parcel held, with each line's drug class: by claims code for parcels packed
        // since codes are kept, else from the prescription's content matched by name.
        struct Line {
            std::string name;
            std::string amount;
            checks::DrugClasses classes;
        };
        std::vector<Line> lines;
        const bool coded = !h.items.empty() &&
                           std::all_of(h.items.begin(), h.items.end(), [](const HandedItem& i) {
                               return i.claims_code.has_value();
                           });
        if (coded) {
            for (const auto& item : h.items)
                lines.push_back({item.name, item.amount, classesOf(*item.claims_code, item.name)});
        } else if (h.content) {
            for (const auto& rp : h.content->rps) {
                for (const auto& item : rp.items) {
                    const auto classes = classifier_.classify(item);
                    if (!classes.controlled()) continue;
                    // Only what this parcel held: a prescription split over parcels is listed
                    // at each hand-over with that parcel's share.
                    std::string amount = item.amount + item.unit;
                    if (!h.items.empty()) {
                        auto at =
                            std::find_if(h.items.begin(), h.items.end(),
                                         [&](const HandedItem& i) { return i.name == item.name; });
                        if (at == h.items.end()) continue;
                        amount = at->amount;
                    }
                    lines.push_back({item.name, amount, classes});
                }
            }
        }
        for (const auto& line : lines) {
            if (!line.classes.controlled()) continue;
            const char* kind = line.classes.narcotic ? "麻薬" : "向精神薬";
            (line.classes.narcotic ? narcotics : psychotropics) += 1;
            std::string by = h.actor == "carrier" ? std::string("配送業者")
                                                  : (h.actor_name.empty() ? h.actor : h.actor_name);
            std::string identity = identityCheckLabel(h.identity_check);
            if (!h.note.empty()) identity += "（" + h.note + "）";
            s.rows.push_back({timeText(h.at), h.patient_name, std::to_string(h.prescription_id),
                              line.name, kind, line.amount, methodLabel(h.method), by,
                              h.recipient_name, identity, h.parcel_number});
            b.patient_refs.insert(h.patient_ref);
        }
    }
    b.rows = s.rows.size();
    if (!s.rows.empty()) {
        r.sections.push_back(std::move(s));
        r.totals.push_back(
            {"合計", "", "",
             "麻薬 " + count(narcotics) + "件・向精神薬 " + count(psychotropics) + "件", "", "", "",
             "", "", "", ""});
    }
    r.footnotes = {
        "区分は医薬品マスターの規制区分によります。交付は配送記録の「受け渡し」時点です。"};
    return b;
}

ReportService::Built ReportService::auditExtract(const ReportRequest& request) {
    const Period period = requirePeriod(request);
    std::string patient_ref = request.patient_ref;
    std::vector<audit::AuditEntry> entries;
    std::map<std::string, std::string> names;
    tx_.read([&] {
        if (patient_ref.empty() && request.prescription_id) {
            auto ref = queries_.patientRefOf(*request.prescription_id);
            if (!ref)
                throw Error(ErrorKind::NotFound, "prescription_not_found", "処方箋が見つかりません",
                            "prescription_id");
            patient_ref = *ref;
        }
        if (patient_ref.empty())
            throw Error(ErrorKind::BadRequest, "patient_required",
                        "patient_ref か prescription_id を指定してください", "patient_ref");
        entries = audit_entries_.forPatient(patient_ref, period.from_s * 1000, period.to_s * 1000);
        // Reports name their patients beside their one audit entry, not in it.
        auto reports =
            queries_.reportsDisclosing(patient_ref, period.from_s * 1000, period.to_s * 1000);
        entries.insert(entries.end(), std::make_move_iterator(reports.begin()),
                       std::make_move_iterator(reports.end()));
        std::sort(
            entries.begin(), entries.end(),
            [](const audit::AuditEntry& a, const audit::AuditEntry& c) { return a.seq < c.seq; });
        names = queries_.staffNames();
    });

    Built b;
    b.parameters = "from=" + formatDate(period.from) + " to=" + formatDate(period.to);
    Report& r = b.report;
    r.title = "監査抽出";
    r.subtitle = periodText(period.from, period.to) + "　患者参照 " + patient_ref;
    r.orientation = reports::Orientation::Landscape;
    r.columns = {{"日時", 1.3, Align::Left, false},   {"操作者", 1.5, Align::Left, true},
                 {"操作", 1.6, Align::Left, true},    {"対象", 1.2, Align::Left, true},
                 {"結果", 0.6, Align::Center, false}, {"接続元", 1.0, Align::Left, false},
                 {"詳細", 2.4, Align::Left, true}};
    Section s;
    for (const auto& e : entries) {
        const auto& ev = e.event;
        auto name = names.find(ev.actor);
        std::string actor = name == names.end() ? ev.actor : name->second + "（" + ev.actor + "）";
        std::string object = ev.object_type + (ev.object_id.empty() ? "" : " " + ev.object_id);
        s.rows.push_back({timeText(fromUnixSeconds(e.at_ms / 1000)), actor, ev.action, object,
                          ev.outcome, ev.remote_addr, ev.detail});
    }
    b.rows = s.rows.size();
    if (!s.rows.empty()) {
        r.totals.push_back({"計", count(s.rows.size()) + "件", "", "", "", "", ""});
        r.sections.push_back(std::move(s));
    }
    b.patient_refs.insert(patient_ref);
    return b;
}

}  // namespace rxdesk::reporting
