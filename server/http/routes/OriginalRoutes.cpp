#include "http/routes/OriginalRoutes.h"

#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "http/RequestContext.h"
#include "http/routes/PrescriptionViews.h"
#include "reports/render/PdfRenderer.h"
#include "workflow/OriginalState.h"

namespace rxdesk::http {
namespace {

constexpr std::size_t kMaxDocumentBytes = 20 * 1024 * 1024;

std::int64_t positiveParam(const RequestContext& ctx, const std::string& name, const char* code,
                           const char* message) {
    std::int64_t id = 0;
    if (!Poco::NumberParser::tryParse64(ctx.param(name), id) || id <= 0)
        throw Error(ErrorKind::NotFound, code, message);
    return id;
}

std::int64_t prescriptionId(const RequestContext& ctx) {
    return positiveParam(ctx, "id", "prescription_not_found", "処方箋が見つかりません");
}

std::string mediaType(const RequestContext& ctx) {
    std::string type = ctx.header("Content-Type");
    return type.substr(0, type.find(';'));
}

void requireDocument(const RequestContext& ctx) {
    std::string type = mediaType(ctx);
    if (type != "image/tiff" && type != "image/png" && type != "image/jpeg" &&
        type != "application/pdf")
        throw Error(ErrorKind::UnsupportedMediaType, "unsupported_media_type",
                    "Content-Type は image/tiff, image/png, image/jpeg, application/pdf "
                    "のいずれかにしてください");
    if (ctx.body().empty()) throw Error(ErrorKind::BadRequest, "empty_body", "画像がありません");
}

std::string isoTime(std::int64_t unix_seconds) {
    return formatIso8601(fromUnixSeconds(unix_seconds));
}

const char* kindName(workflow::DifferenceKind kind) {
    switch (kind) {
        case workflow::DifferenceKind::Changed:
            return "changed";
        case workflow::DifferenceKind::OnlyOnFax:
            return "only_on_fax";
        case workflow::DifferenceKind::OnlyInOriginal:
            return "only_in_original";
    }
    return "changed";
}

Poco::JSON::Object inquiryView(const originals::InquiryRecord& i) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", i.id);
    o.set("reason", i.reason);
    o.set("opened_at", isoTime(i.opened_at));
    o.set("called_by", i.called_by);
    if (i.called_at) o.set("called_at", isoTime(*i.called_at));
    o.set("clinic_contact", i.clinic_contact);
    o.set("answer", i.answer);
    o.set("open", i.open());
    if (i.resolution) o.set("resolution", *i.resolution);
    if (i.resolved_at) o.set("resolved_at", isoTime(*i.resolved_at));
    return o;
}

// Differences side by side: the same field on the dispensed copy and on the original.
Poco::JSON::Object reconciliationView(const originals::ReconciliationRecord& r) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("method", std::string(originals::name(r.method)));
    o.set("at", isoTime(r.at));
    o.set("readable", r.readable);
    o.set("matched", r.matched);
    Poco::JSON::Array differences;
    for (const auto& d : r.differences) {
        Poco::JSON::Object item(Poco::JSON_PRESERVE_KEY_ORDER);
        item.set("path", d.path);
        item.set("label", d.label);
        item.set("fax_value", d.fax_value);
        item.set("original_value", d.original_value);
        item.set("kind", std::string(kindName(d.kind)));
        differences.add(item);
    }
    o.set("differences", differences);
    if (!r.note.empty()) o.set("note", r.note);
    return o;
}

Poco::JSON::Object originalView(const originals::OriginalOutcome& out) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    const auto& r = out.record;
    o.set("prescription_id", r.id);
    o.set("version", r.version);
    if (r.original_state) {
        o.set("original_state", *r.original_state);
        if (auto state = workflow::parseOriginalState(*r.original_state))
            o.set("original_state_label", std::string(workflow::label(*state)));
    }
    const bool arrived = r.original_state && *r.original_state == "arrived";
    o.set("needs_manual_comparison",
          arrived && out.reconciliation && !out.reconciliation->readable);
    if (out.reconciliation) o.set("reconciliation", reconciliationView(*out.reconciliation));
    Poco::JSON::Array inquiries;
    for (const auto& i : out.inquiries) inquiries.add(inquiryView(i));
    o.set("inquiries", inquiries);
    o.set("prescription", prescriptionView(r, false));
    return o;
}

Poco::JSON::Object orphanView(const originals::OrphanOriginal& orphan) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", orphan.id);
    o.set("received_at", isoTime(orphan.received_at));
    o.set("hold_reason", orphan.hold_reason);
    o.set("readable", orphan.content.has_value());
    o.set("institution_code", orphan.institution_code);
    if (orphan.content) o.set("institution_name", orphan.content->institution.name);
    o.set("prescription_number", orphan.prescription_number);
    o.set("issue_date", orphan.issue_date);
    o.set("patient_name", orphan.patient_name);
    Poco::JSON::Array pages;
    for (const auto& p : orphan.pages) {
        Poco::JSON::Object po(Poco::JSON_PRESERVE_KEY_ORDER);
        std::string base = "/api/v1/originals/orphans/" + std::to_string(orphan.id) + "/pages/" +
                           std::to_string(p.page_no);
        po.set("page_no", p.page_no);
        po.set("image_url", base);
        po.set("preview_url", base + "/preview");
        pages.add(po);
    }
    o.set("pages", pages);
    return o;
}

void setDeadline(Poco::JSON::Object& o, const originals::OutstandingEntry& e) {
    o.set("age_days", e.age_days);
    if (!e.row.dispensed_on.empty()) o.set("dispensed_on", e.row.dispensed_on);
    if (e.deadline) {
        const auto& d = *e.deadline;
        o.set("due_on", formatDate(d.due_on));
        o.set("due_reason",
              d.due_reason == workflow::DueReason::ClaimCutoff ? "claim_cutoff" : "mail_deadline");
        if (d.claim_cutoff_on) o.set("claim_cutoff_on", formatDate(*d.claim_cutoff_on));
        o.set("days_until_due", d.days_until_due);
        o.set("days_overdue", d.days_overdue);
    }
    o.set("overdue", e.deadline && e.deadline->overdue);
}

Poco::JSON::Object outstandingView(const originals::OutstandingEntry& e) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("prescription_id", e.row.prescription_id);
    o.set("status", e.row.status);
    if (e.row.clinic_id) o.set("clinic_id", *e.row.clinic_id);
    o.set("clinic_name", e.row.clinic_name);
    o.set("institution_code", e.row.institution_code);
    o.set("patient_name", e.row.patient_name);
    o.set("prescription_number", e.row.prescription_number);
    o.set("issue_date", e.row.issue_date);
    o.set("received_at", isoTime(e.row.received_at));
    setDeadline(o, e);
    if (e.last_chased_at) o.set("last_chased_at", isoTime(*e.last_chased_at));
    return o;
}

// What a clinic may see of an awaited original: enough to find it, no more.
Poco::JSON::Object clinicAwaitingView(const originals::OutstandingEntry& e) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("prescription_id", e.row.prescription_id);
    if (!e.row.client_reference.empty()) o.set("client_reference", e.row.client_reference);
    o.set("prescription_number", e.row.prescription_number);
    o.set("issue_date", e.row.issue_date);
    o.set("patient_initials", e.patient_initials);
    o.set("received_at", isoTime(e.row.received_at));
    if (!e.row.dispensed_on.empty()) o.set("dispensed_on", e.row.dispensed_on);
    if (e.deadline) o.set("due_on", formatDate(e.deadline->due_on));
    o.set("overdue", e.deadline && e.deadline->overdue);
    return o;
}

std::vector<workflow::Difference> differencesFrom(const JsonBody& body) {
    std::vector<workflow::Difference> out;
    auto list = body.object()->getArray("differences");
    if (!list) return out;
    if (list->size() > 200)
        throw Error(ErrorKind::BadRequest, "invalid_field", "相違点が多すぎます", "differences");
    for (size_t i = 0; i < list->size(); ++i) {
        auto item = list->getObject(i);
        const std::string field = "differences[" + std::to_string(i) + "]";
        if (!item)
            throw Error(ErrorKind::BadRequest, "invalid_field", "相違点の形式が不正です", field);
        JsonBody d(item);
        workflow::Difference diff;
        diff.label = d.requireString("label", 200);
        diff.path = d.optionalString("path", 200).value_or("manual");
        diff.fax_value = d.optionalString("fax_value", 1000).value_or("");
        diff.original_value = d.optionalString("original_value", 1000).value_or("");
        out.push_back(std::move(diff));
    }
    return out;
}

std::int64_t versionOf(const JsonBody& body) {
    return body.requireInt("version", 1, INT64_MAX);
}

}  // namespace

void addOriginalRoutes(Router& router, originals::OriginalsService& originals, BlobStore& blobs,
                       std::string font_path) {
    router.add({"POST", "/api/v1/prescriptions/{id}/original", auth::Permission::OriginalRecord,
                kMaxDocumentBytes, false, false, [&originals](RequestContext& ctx) {
                    const std::int64_t id = prescriptionId(ctx);
                    if (mediaType(ctx) == "application/json") {
                        JsonBody body = ctx.json();
                        if (body.optionalBool("arrived_without_scan") != true)
                            throw Error(
                                ErrorKind::BadRequest, "invalid_field",
                                "原本の画像を送るか、arrived_without_scan を true にしてください",
                                "arrived_without_scan");
                        auto out = originals.recordArrivalWithoutScan(
                            id, versionOf(body), body.optionalString("note", 2000).value_or(""),
                            ctx.caller());
                        ctx.respondJson(200, originalView(out));
                        return;
                    }
                    requireDocument(ctx);
                    std::int64_t version = 0;
                    auto text = ctx.query("version");
                    if (!text || !Poco::NumberParser::tryParse64(*text, version) || version < 1)
                        throw Error(ErrorKind::BadRequest, "missing_field",
                                    "画面で見ている版を ?version= で指定してください", "version");
                    auto out = originals.recordScan(id, version, ctx.body(), ctx.caller());
                    ctx.respondJson(200, originalView(out));
                }});
    router.add({"GET", "/api/v1/prescriptions/{id}/original", auth::Permission::OriginalRead, 0,
                false, false, [&originals](RequestContext& ctx) {
                    ctx.respondJson(
                        200, originalView(originals.status(prescriptionId(ctx), ctx.caller())));
                }});
    router.add({"POST", "/api/v1/prescriptions/{id}/original/comparison",
                auth::Permission::OriginalReconcile, 256 * 1024, false, false,
                [&originals](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    auto matched = body.optionalBool("matched");
                    if (!matched)
                        throw Error(ErrorKind::BadRequest, "missing_field",
                                    "照合結果 (matched) を指定してください", "matched");
                    auto out = originals.recordManualComparison(
                        prescriptionId(ctx), versionOf(body), *matched, differencesFrom(body),
                        body.optionalString("note", 2000).value_or(""), ctx.caller());
                    ctx.respondJson(200, originalView(out));
                }});
    router.add({"POST", "/api/v1/prescriptions/{id}/inquiries", auth::Permission::OriginalRecord,
                8192, false, false, [&originals](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    originals::InquiryCall call;
                    call.called_by = body.optionalString("called_by", 100).value_or("");
                    if (auto at = body.optionalString("called_at", 40)) {
                        call.called_at = parseIso8601(*at);
                        if (!call.called_at)
                            throw Error(ErrorKind::BadRequest, "invalid_field",
                                        "called_at は ISO 8601 の日時にしてください", "called_at");
                    }
                    call.clinic_contact = body.optionalString("clinic_contact", 200).value_or("");
                    call.answer = body.optionalString("answer", 2000).value_or("");
                    auto inquiry = originals.recordInquiry(prescriptionId(ctx), call, ctx.caller());
                    ctx.respondJson(201, inquiryView(inquiry));
                }});
    router.add({"POST", "/api/v1/prescriptions/{id}/inquiries/{inquiry}/resolve",
                auth::Permission::OriginalReconcile, 8192, false, false,
                [&originals](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    auto inquiry = positiveParam(ctx, "inquiry", "inquiry_not_found",
                                                 "疑義照会が見つかりません");
                    auto out = originals.resolveInquiry(
                        prescriptionId(ctx), inquiry, versionOf(body),
                        body.requireString("resolution", 2000), ctx.caller());
                    ctx.respondJson(200, originalView(out));
                }});
    router.add({"POST", "/api/v1/originals", auth::Permission::OriginalRecord, kMaxDocumentBytes,
                true, false, [&originals](RequestContext& ctx) {
                    requireDocument(ctx);
                    auto out = originals.receiveOriginal(ctx.body(), ctx.caller());
                    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
                    if (out.attached) {
                        o.set("outcome", "attached");
                        o.set("original", originalView(*out.attached));
                    } else {
                        o.set("outcome", "held");
                        o.set("orphan", orphanView(*out.held));
                    }
                    ctx.respondJson(201, o);
                }});
    router.add({"GET", "/api/v1/originals/orphans", auth::Permission::OriginalRead, 0, false, false,
                [&originals](RequestContext& ctx) {
                    Poco::JSON::Array list;
                    for (const auto& orphan : originals.orphans(ctx.caller()))
                        list.add(orphanView(orphan));
                    Poco::JSON::Object o;
                    o.set("orphans", list);
                    ctx.respondJson(200, o);
                }});
    for (std::string suffix : {"", "/preview"}) {
        router.add({"GET", "/api/v1/originals/orphans/{orphan}/pages/{page}" + suffix,
                    auth::Permission::OriginalRead, 0, false, false,
                    [&originals, &blobs, suffix](RequestContext& ctx) {
                        auto orphan = positiveParam(ctx, "orphan", "orphan_not_found",
                                                    "保留中の原本が見つかりません");
                        int page = 0;
                        Poco::NumberParser::tryParse(ctx.param("page"), page);
                        auto blob =
                            originals.orphanPage(orphan, page, !suffix.empty(), ctx.caller());
                        ctx.respond(200, "image/png", blobs.get(blob));
                    }});
    }
    router.add(
        {"POST", "/api/v1/originals/orphans/{orphan}/attach", auth::Permission::OriginalReconcile,
         4096, false, false, [&originals](RequestContext& ctx) {
             JsonBody body = ctx.json();
             auto orphan =
                 positiveParam(ctx, "orphan", "orphan_not_found", "保留中の原本が見つかりません");
             auto out =
                 originals.attachOrphan(orphan, body.requireInt("prescription_id", 1, INT64_MAX),
                                        versionOf(body), ctx.caller());
             ctx.respondJson(200, originalView(out));
         }});
    router.add({"GET", "/api/v1/originals/outstanding", auth::Permission::OriginalRead, 0, false,
                false, [&originals](RequestContext& ctx) {
                    std::optional<std::int64_t> clinic;
                    if (auto text = ctx.query("clinic_id")) {
                        std::int64_t id = 0;
                        if (!Poco::NumberParser::tryParse64(*text, id) || id < 1)
                            throw Error(ErrorKind::BadRequest, "invalid_field",
                                        "clinic_id が不正です", "clinic_id");
                        clinic = id;
                    }
                    Poco::JSON::Array list;
                    int overdue = 0;
                    for (const auto& e : originals.outstanding(clinic, ctx.caller())) {
                        list.add(outstandingView(e));
                        if (e.deadline && e.deadline->overdue) ++overdue;
                    }
                    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
                    o.set("count", list.size());
                    o.set("overdue", overdue);
                    o.set("originals", list);
                    ctx.respondJson(200, o);
                }});
    router.add(
        {"POST", "/api/v1/originals/chase", auth::Permission::OriginalChase, 4096, false, false,
         [&originals, font_path](RequestContext& ctx) {
             JsonBody body = ctx.json();
             auto result =
                 originals.chase(body.requireInt("clinic_id", 1, INT64_MAX), ctx.caller());
             reports::PdfRenderer renderer =
                 font_path.empty() ? reports::PdfRenderer() : reports::PdfRenderer(font_path);
             ctx.addHeader("Content-Disposition", "attachment; filename=\"original-chase-" +
                                                      std::to_string(result.clinic_id) + ".pdf\"");
             ctx.addHeader("X-Originals-Count", std::to_string(result.originals));
             ctx.respond(200, "application/pdf", renderer.render(result.letter));
         }});
    router.add({"GET", "/api/v1/originals/awaiting", auth::Permission::OriginalClinicView, 0, false,
                false, [&originals](RequestContext& ctx) {
                    Poco::JSON::Array list;
                    for (const auto& e : originals.awaitingForClinic(ctx.caller()))
                        list.add(clinicAwaitingView(e));
                    Poco::JSON::Object o;
                    o.set("originals", list);
                    ctx.respondJson(200, o);
                }});
}

}  // namespace rxdesk::http
