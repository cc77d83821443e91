#include "http/routes/ReportRoutes.h"

#include <Poco/NumberParser.h>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "http/RequestContext.h"
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

}  // namespace

void addReportRoutes(Router& router, reporting::ReportService& reports, std::string font_path) {
    router.add(
        {"GET", "/api/v1/reports/{name}", auth::Permission::ReportRead, 0, false, false,
         [&reports, font_path](RequestContext& ctx) {
             reporting::ReportRequest request;
             request.name = ctx.param("name");
             const std::string format = ctx.query("format").value_or("pdf");
             if (format != "pdf" && format != "csv")
                 throw Error(ErrorKind::BadRequest, "invalid_format", "format は pdf か csv です",
                             "format");
             const std::string encoding = ctx.query("encoding").value_or("utf8");
             if (encoding != "utf8" && encoding != "sjis")
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

             const reports::Report report = reports.generate(request, ctx.caller());
             if (format == "csv") {
                 const bool sjis = encoding == "sjis";
                 reports::CsvRenderer renderer(sjis ? reports::CsvEncoding::ShiftJis
                                                    : reports::CsvEncoding::Utf8WithBom);
                 std::string body = renderer.render(report);
                 ctx.addHeader("Content-Disposition",
                               "attachment; filename=\"" + fileName(request, "csv") + "\"");
                 ctx.respond(200, sjis ? "text/csv; charset=Shift_JIS" : "text/csv; charset=utf-8",
                             std::move(body));
                 return;
             }
             reports::PdfRenderer renderer =
                 font_path.empty() ? reports::PdfRenderer() : reports::PdfRenderer(font_path);
             ctx.addHeader("Content-Disposition",
                           "inline; filename=\"" + fileName(request, "pdf") + "\"");
             ctx.respond(200, "application/pdf", renderer.render(report));
         }});
}

}  // namespace rxdesk::http
