#include "http/routes/PrescriptionRoutes.h"

#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "crypto/Hashing.h"
#include "crypto/RandomBytes.h"
#include "http/RequestContext.h"
#include "http/routes/PrescriptionViews.h"
#include "prescription_json/PrescriptionJson.h"
#include "workflow/PrescriptionState.h"

namespace rxdesk::http {
namespace {

std::int64_t idParam(const RequestContext& ctx, const std::string& name = "id") {
    std::int64_t id = 0;
    if (!Poco::NumberParser::tryParse64(ctx.param(name), id) || id <= 0)
        throw Error(ErrorKind::NotFound, "prescription_not_found", "処方箋が見つかりません");
    return id;
}

intake::QueueFilter filterFrom(const RequestContext& ctx) {
    intake::QueueFilter f;
    if (auto status = ctx.query("status"); status && !status->empty()) {
        size_t start = 0;
        while (start <= status->size()) {
            size_t comma = status->find(',', start);
            if (comma == std::string::npos) comma = status->size();
            std::string one = status->substr(start, comma - start);
            if (!workflow::parsePrescriptionState(one))
                throw Error(ErrorKind::BadRequest, "invalid_field", "status が不正です", "status");
            f.statuses.push_back(one);
            start = comma + 1;
        }
        f.include_misdirected =
            std::find(f.statuses.begin(), f.statuses.end(), "misdirected") != f.statuses.end();
    }
    if (auto source = ctx.query("source"); source && !source->empty()) {
        f.channel = prescription::parseChannel(*source);
        if (!f.channel)
            throw Error(ErrorKind::BadRequest, "invalid_field", "source が不正です", "source");
    }
    if (auto q = ctx.query("q")) f.patient_name_prefix = q->substr(0, 100);
    if (auto d = ctx.query("include_duplicates")) f.include_duplicates = *d == "true";
    if (auto limit = ctx.query("limit")) {
        if (!Poco::NumberParser::tryParse(*limit, f.limit) || f.limit < 1 || f.limit > 500)
            throw Error(ErrorKind::BadRequest, "invalid_field", "limit は 1〜500 です", "limit");
    }
    if (auto before = ctx.query("before")) {
        if (!Poco::NumberParser::tryParse64(*before, f.before_id) || f.before_id < 1)
            throw Error(ErrorKind::BadRequest, "invalid_field", "before が不正です", "before");
    }
    return f;
}

std::int64_t versionOf(const JsonBody& body) {
    return body.requireInt("version", 1, INT64_MAX);
}

// A strong validator of the list `f` answers: the queue's change sequence, everything the
// filter selects by, and a value drawn at start-up (a restored backup restarts the sequence).
std::string queueTag(const std::string& boot, std::int64_t seq, const intake::QueueFilter& f) {
    std::string key = boot + "|" + std::to_string(seq) + "|";
    for (const auto& s : f.statuses) key += s + ",";
    key += "|" + (f.channel ? std::string(prescription::name(*f.channel)) : std::string());
    key += "|" + f.patient_name_prefix + "|" + (f.include_duplicates ? "d" : "") +
           (f.include_misdirected ? "m" : "") + "|" + std::to_string(f.limit) + "|" +
           std::to_string(f.before_id);
    return "\"q" + crypto::sha256Hex(key).substr(0, 32) + "\"";
}

// If-None-Match as RFC 9110 compares it: a list of entity tags, weakly ("W/" ignored), or *.
bool matchesIfNoneMatch(const std::string& header, const std::string& tag) {
    size_t start = 0;
    while (start < header.size()) {
        size_t comma = header.find(',', start);
        if (comma == std::string::npos) comma = header.size();
        std::string one = header.substr(start, comma - start);
        start = comma + 1;
        size_t b = one.find_first_not_of(" \t");
        if (b == std::string::npos) continue;
        size_t e = one.find_last_not_of(" \t");
        one = one.substr(b, e - b + 1);
        if (one.starts_with("W/")) one = one.substr(2);
        if (one == "*" || one == tag) return true;
    }
    return false;
}

}  // namespace

void addPrescriptionRoutes(Router& router, intake::IntakeService& intake, BlobStore& blobs) {
    // The queue screen polls this every few seconds. An unchanged queue is answered 304 with
    // no list and no audit entry (nothing is disclosed); the tag is taken before the list is
    // read, so a change in between only makes the next poll fetch again.
    router.add({"GET", "/api/v1/prescriptions", auth::Permission::PrescriptionRead, 0, false, false,
                [&intake, boot = crypto::randomToken(16)](RequestContext& ctx) {
                    auto filter = filterFrom(ctx);
                    std::string tag = queueTag(boot, intake.queueChangeSequence(), filter);
                    ctx.addHeader("ETag", tag);
                    if (matchesIfNoneMatch(ctx.header("If-None-Match"), tag)) {
                        ctx.respond(304, "", "");
                        return;
                    }
                    auto records = intake.list(filter, ctx.caller());
                    Poco::JSON::Array items;
                    for (const auto& r : records) items.add(prescriptionView(r, false));
                    Poco::JSON::Object o;
                    o.set("prescriptions", items);
                    ctx.respondJson(200, o);
                }});
    router.add({"GET", "/api/v1/prescriptions/{id}", auth::Permission::PrescriptionView, 0, false,
                false, [&intake](RequestContext& ctx) {
                    auto r = intake.get(idParam(ctx), ctx.caller());
                    ctx.respondJson(200, ctx.principal().isClient()
                                             ? submitterView(r)
                                             : prescriptionView(r, true, &ctx.principal()));
                }});
    router.add({"GET", "/api/v1/prescriptions/{id}/timeline", auth::Permission::PrescriptionRead, 0,
                false, false, [&intake](RequestContext& ctx) {
                    Poco::JSON::Array events;
                    for (const auto& e : intake.timeline(idParam(ctx), ctx.caller())) {
                        Poco::JSON::Object eo(Poco::JSON_PRESERVE_KEY_ORDER);
                        eo.set("at", formatIso8601(fromUnixSeconds(e.at)));
                        eo.set("actor", e.actor);
                        eo.set("action", e.action);
                        eo.set("from", e.from_state);
                        eo.set("to", e.to_state);
                        eo.set("note", e.note);
                        events.add(eo);
                    }
                    Poco::JSON::Object o;
                    o.set("events", events);
                    ctx.respondJson(200, o);
                }});
    for (std::string suffix : {"", "/preview"}) {
        router.add({"GET", "/api/v1/prescriptions/{id}/pages/{kind}/{page}" + suffix,
                    auth::Permission::PrescriptionRead, 0, false, false,
                    [&intake, &blobs, suffix](RequestContext& ctx) {
                        auto r = intake.get(idParam(ctx), ctx.caller());
                        int page = 0;
                        Poco::NumberParser::tryParse(ctx.param("page"), page);
                        for (const auto& p : r.pages) {
                            if (p.kind != ctx.param("kind") || p.page_no != page) continue;
                            ctx.respond(200, "image/png",
                                        blobs.get(suffix.empty() ? p.blob_id : p.preview_blob_id));
                            return;
                        }
                        throw Error(ErrorKind::NotFound, "page_not_found",
                                    "そのページはありません");
                    }});
    }
    router.add(
        {"POST", "/api/v1/prescriptions/{id}/actions/{action}", auth::Permission::PrescriptionEdit,
         4096, false, false, [&intake](RequestContext& ctx) {
             JsonBody body = ctx.json();
             auto r = intake.act(idParam(ctx), ctx.param("action"), versionOf(body),
                                 body.optionalString("note", 2000).value_or(""), ctx.caller());
             ctx.respondJson(200, prescriptionView(r, true, &ctx.principal()));
         }});
    router.add({"POST", "/api/v1/prescriptions/{id}/duplicate", auth::Permission::PrescriptionEdit,
                4096, false, false, [&intake](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    auto r =
                        intake.linkDuplicate(idParam(ctx), body.optionalInt("of", 1, INT64_MAX),
                                             versionOf(body), ctx.caller());
                    ctx.respondJson(200, prescriptionView(r, true, &ctx.principal()));
                }});
    router.add({"PUT", "/api/v1/prescriptions/{id}/content", auth::Permission::PrescriptionEdit,
                256 * 1024, false, false, [&intake](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    auto content = body.object()->getObject("prescription");
                    if (!content)
                        throw Error(ErrorKind::BadRequest, "missing_field",
                                    "prescription がありません", "prescription");
                    auto rx = prescription_json::decodePrescription(*content);
                    auto r = intake.updateContent(idParam(ctx), versionOf(body), rx, ctx.caller());
                    ctx.respondJson(200, prescriptionView(r, true, &ctx.principal()));
                }});
    router.add(
        {"POST", "/api/v1/prescriptions/{id}/findings/{finding}/resolve",
         auth::Permission::PrescriptionVerify, 4096, false, false, [&intake](RequestContext& ctx) {
             JsonBody body = ctx.json();
             std::int64_t finding = 0;
             if (!Poco::NumberParser::tryParse64(ctx.param("finding"), finding))
                 throw Error(ErrorKind::NotFound, "finding_not_found", "指摘事項が見つかりません");
             auto r = intake.resolveFinding(idParam(ctx), finding,
                                            body.requireString("resolution", 2000), ctx.caller());
             ctx.respondJson(200, prescriptionView(r, true, &ctx.principal()));
         }});
}

}  // namespace rxdesk::http
