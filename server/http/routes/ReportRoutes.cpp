#include "http/routes/ReportRoutes.h"

#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include <algorithm>
#include <array>
#include <span>
#include <vector>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "http/RequestContext.h"
#include "reporting/ReportCatalogue.h"
#include "reports/render/CsvRenderer.h"
#include "reports/render/PdfRenderer.h"

namespace rxdesk::http {
namespace {

std::optional<Date> dateParam(const RequestContext& ctx, const std::string& name) {
    auto text = ctx.query(name);
    if (!text || text->empty()) return std::nullopt;
    // Only the dashed form: a file name and the audit trail show exactly what was asked.
    auto date = text->size() == 10 ? parseDate(*text) : std::nullopt;
    if (!date)
        throw Error(ErrorKind::BadRequest, "invalid_date", "日付は YYYY-MM-DD で指定してください",
                    name);
    return date;
}

std::optional<std::chrono::year_month> monthParam(const RequestContext& ctx) {
    auto text = ctx.query("month");
    if (!text || text->empty()) return std::nullopt;
    auto date = text->size() == 7 ? parseDate(*text + "-01") : std::nullopt;
    if (!date)
        throw Error(ErrorKind::BadRequest, "invalid_month", "算定月は YYYY-MM で指定してください",
                    "month");
    return date->year() / date->month();
}

std::string fileName(const reporting::ReportRequest& r, const std::string& extension) {
    std::string name = r.name;
    if (r.date) name += "-" + formatDate(*r.date);
    if (r.month) name += "-" + formatDate(r.month->year() / r.month->month() / 1).substr(0, 7);
    if (r.from) name += "-" + formatDate(*r.from);
    if (r.to) name += "_" + formatDate(*r.to);
    return name + "." + extension;
}

// The formats and CSV encodings the report route accepts (and checks against).
constexpr std::array<std::string_view, 2> kFormats{"pdf", "csv"};
constexpr std::array<std::string_view, 2> kCsvEncodings{"utf8", "sjis"};

bool oneOf(std::string_view value, std::span<const std::string_view> allowed) {
    return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

Poco::JSON::Object catalogue() {
    Poco::JSON::Array reports_out;
    for (const auto& d : reporting::reportCatalogue()) {
        Poco::JSON::Object r(Poco::JSON_PRESERVE_KEY_ORDER);
        r.set("name", std::string(d.name));
        r.set("title", std::string(d.title));
        Poco::JSON::Array params;
        for (const auto& p : d.parameters) {
            Poco::JSON::Object po(Poco::JSON_PRESERVE_KEY_ORDER);
            po.set("name", std::string(p.name));
            po.set("label", std::string(p.label));
            po.set("type", std::string(reporting::paramTypeName(p.type)));
            po.set("required", p.required);
            params.add(po);
        }
        r.set("parameters", params);
        Poco::JSON::Array one_of;
        for (auto n : d.one_of) one_of.add(std::string(n));
        r.set("required_one_of", one_of);
        Poco::JSON::Array formats;
        for (auto f : kFormats) formats.add(std::string(f));
        r.set("formats", formats);
        Poco::JSON::Array encodings;
        for (auto e : kCsvEncodings) encodings.add(std::string(e));
        r.set("csv_encodings", encodings);
        reports_out.add(r);
    }
    Poco::JSON::Object o;
    o.set("reports", reports_out);
    return o;
}

}  // namespace

void addReportRoutes(Router& router, reporting::ReportService& reports, std::string font_path) {
    router.add({"GET", "/api/v1/reports", auth::Permission::ReportRead, 0, false, false,
                [](RequestContext& ctx) { ctx.respondJson(200, catalogue()); }});
    router.add(
        {"GET", "/api/v1/reports/{name}", auth::Permission::ReportRead, 0, false, false,
         [&reports, font_path](RequestContext& ctx) {
             reporting::ReportRequest request;
             request.name = ctx.param("name");
             const std::string format = ctx.query("format").value_or("pdf");
             if (!oneOf(format, kFormats))
                 throw Error(ErrorKind::BadRequest, "invalid_format", "format は pdf か csv です",
                             "format");
             const std::string encoding = ctx.query("encoding").value_or("utf8");
             if (!oneOf(encoding, kCsvEncodings))
                 throw Error(ErrorKind::BadRequest, "invalid_encoding",
                             "encoding は utf8 か sjis です", "encoding");
             request.format = format;
             request.from = dateParam(ctx, "from");
             request.to = dateParam(ctx, "to");
             request.date = dateParam(ctx, "date");
             request.month = monthParam(ctx);
             request.patient_ref = ctx.query("patient_ref").value_or("");
             if (auto id = ctx.query("prescription_id"); id && !id->empty()) {
                 std::int64_t value = 0;
                 if (!Poco::NumberParser::tryParse64(*id, value) || value <= 0)
                     throw Error(ErrorKind::BadRequest, "invalid_prescription_id",
                                 "prescription_id が不正です", "prescription_id");
                 request.prescription_id = value;
             }

             // Rendered inside generate(): a report that fails to render (csv_not_shift_jis)
             // is answered 422 and not audited as generated.
             if (format == "csv") {
                 const bool sjis = encoding == "sjis";
                 reports::CsvRenderer renderer(sjis ? reports::CsvEncoding::ShiftJis
                                                    : reports::CsvEncoding::Utf8WithBom);
                 std::string body = reports.generate(
                     request, ctx.caller(),
                     [&](const reports::Report& report) { return renderer.render(report); });
                 ctx.addHeader("Content-Disposition",
                               "attachment; filename=\"" + fileName(request, "csv") + "\"");
                 ctx.respond(200, sjis ? "text/csv; charset=Shift_JIS" : "text/csv; charset=utf-8",
                             std::move(body));
                 return;
             }
             reports::PdfRenderer renderer =
                 font_path.empty() ? reports::PdfRenderer() : reports::PdfRenderer(font_path);
             std::string body = reports.generate(
                 request, ctx.caller(),
                 [&](const reports::Report& report) { return renderer.render(report); });
             ctx.addHeader("Content-Disposition",
                           "inline; filename=\"" + fileName(request, "pdf") + "\"");
             ctx.respond(200, "application/pdf", std::move(body));
         }});
}

}  // namespace rxdesk::http
