#include "http/routes/DrugRoutes.h"

#include <Poco/JSON/Array.h>

#include "core/Error.h"
#include "core/TextEncoding.h"
#include "core/TokyoTime.h"
#include "dispatch/rules/ItemClasses.h"
#include "http/RequestContext.h"

namespace rxdesk::http {
namespace {

const char* controlName(dispatch::ControlClass c) {
    switch (c) {
        case dispatch::ControlClass::None:
            return "none";
        case dispatch::ControlClass::Narcotic:
            return "narcotic";
        case dispatch::ControlClass::Poison:
            return "poison";
        case dispatch::ControlClass::StimulantRawMaterial:
            return "stimulant_raw_material";
        case dispatch::ControlClass::Psychotropic:
            return "psychotropic";
    }
    return "none";
}

Poco::JSON::Object supplementView(const dispatch::SupplementEntry& e) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("code", e.code);
    o.set("storage", std::string(dispatch::storageTemperatureName(e.storage)));
    o.set("protect_from_light", e.protect_from_light);
    o.set("powerful", e.powerful);
    o.set("radiopharmaceutical", e.radiopharmaceutical);
    o.set("urgent", e.urgent);
    o.set("do_not_shake", e.do_not_shake);
    o.set("emergency_contraceptive", e.emergency_contraceptive);
    o.set("high_risk", e.high_risk);
    o.set("misuse", std::string(dispatch::misuseConcernName(e.misuse)));
    Poco::JSON::Array hot;
    for (const auto& h : e.hot_codes) hot.add(h);
    o.set("hot_codes", hot);
    o.set("note", e.note);
    return o;
}

Poco::JSON::Object drugView(const shipping::DrugLookup& d) {
    const auto& i = d.info;
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("code", d.code);
    o.set("in_master", i.in_master);
    o.set("claims_code", i.claims_code);
    o.set("yj_code", i.yj_code.value_or(""));
    o.set("name", i.name);
    o.set("unit", i.unit);
    o.set("control_class", std::string(controlName(i.control)));
    o.set("has_supplement", i.has_supplement);
    o.set("storage", std::string(dispatch::storageTemperatureName(i.storage)));
    o.set("protect_from_light", i.protect_from_light);
    o.set("powerful", i.powerful);
    o.set("radiopharmaceutical", i.radiopharmaceutical);
    o.set("urgent", i.urgent);
    o.set("do_not_shake", i.do_not_shake);
    o.set("emergency_contraceptive", i.emergency_contraceptive);
    o.set("high_risk", i.high_risk);
    o.set("misuse", std::string(dispatch::misuseConcernName(i.misuse)));
    o.set("note", i.note);
    Poco::JSON::Array classes;
    for (auto c : dispatch::handlingClassesOf(i))
        classes.add(std::string(dispatch::handlingClassName(c)));
    o.set("handling_classes", classes);
    if (d.own_supplement) {
        o.set("supplement", supplementView(*d.own_supplement));
    } else {
        o.set("supplement", Poco::Dynamic::Var());
    }
    return o;
}

dispatch::SupplementEntry supplementFrom(const JsonBody& body) {
    dispatch::SupplementEntry e;
    auto storage =
        dispatch::parseStorageTemperature(body.optionalString("storage", 20).value_or(""));
    if (!storage)
        throw Error(ErrorKind::BadRequest, "invalid_field", "storage は room・cold・frozen です",
                    "storage");
    e.storage = *storage;
    e.protect_from_light = body.optionalBool("protect_from_light").value_or(false);
    e.powerful = body.optionalBool("powerful").value_or(false);
    e.radiopharmaceutical = body.optionalBool("radiopharmaceutical").value_or(false);
    e.urgent = body.optionalBool("urgent").value_or(false);
    e.do_not_shake = body.optionalBool("do_not_shake").value_or(false);
    e.emergency_contraceptive = body.optionalBool("emergency_contraceptive").value_or(false);
    e.high_risk = body.optionalBool("high_risk").value_or(false);
    auto misuse = dispatch::parseMisuseConcern(body.optionalString("misuse", 40).value_or(""));
    if (!misuse)
        throw Error(ErrorKind::BadRequest, "invalid_field",
                    "misuse は hypnotic・diuretic・diabetes・cosmetic_moisturiser か空です",
                    "misuse");
    e.misuse = *misuse;
    if (body.has("hot_codes")) {
        auto list = body.object()->getArray("hot_codes");
        if (!list)
            throw Error(ErrorKind::BadRequest, "invalid_field", "hot_codes は文字列の配列です",
                        "hot_codes");
        for (std::size_t i = 0; i < list->size(); ++i) {
            if (!list->get(i).isString())
                throw Error(ErrorKind::BadRequest, "invalid_field", "hot_codes は文字列の配列です",
                            "hot_codes");
            e.hot_codes.push_back(list->getElement<std::string>(i));
        }
    }
    e.note = body.optionalString("note", 500).value_or("");
    return e;
}

// The published master is about 20 MB; room for growth without inviting abuse.
constexpr std::size_t kMaxImportBytes = 64 * 1024 * 1024;
// Enough for the counter to show what went wrong; the full list is in the CLI's output.
constexpr std::size_t kMaxBadLinesShown = 100;

const char* dataSetName(dispatch::DrugDataSet set) {
    return set == dispatch::DrugDataSet::ClaimsMaster ? "claims_master" : "supplement";
}

void requireCsv(const RequestContext& ctx) {
    std::string type = ctx.header("Content-Type");
    type = type.substr(0, type.find(';'));
    if (type != "text/csv")
        throw Error(ErrorKind::UnsupportedMediaType, "unsupported_media_type",
                    "Content-Type は text/csv にしてください（CSV ファイルをそのまま送ります）");
}

// The file name the uploader chose (`?file_name=`), kept on the import stamp.
std::string uploadedFileName(const RequestContext& ctx) {
    std::string name = ctx.query("file_name").value_or("");
    // Browsers send the bare name; anything with a path keeps only its last part.
    if (auto slash = name.find_last_of("/\\"); slash != std::string::npos) name.erase(0, slash + 1);
    if (name.empty()) return "upload.csv";
    bool control = false;
    for (unsigned char c : name) control = control || c < 0x20 || c == 0x7F;
    if (name.size() > 200 || control || !isValidUtf8(name))
        throw Error(ErrorKind::BadRequest, "invalid_field", "ファイル名が不正です", "file_name");
    return name;
}

// Over HTTP the request itself was well-formed; a file the importer cannot use is a
// refusal of its content (422), where the command line calls it bad input.
template <typename Import>
shipping::DrugImportReport refusingUnusable(Import import) {
    try {
        return import();
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::BadRequest) throw;
        throw Error(ErrorKind::RuleViolation, e.code(), e.what(), e.field());
    }
}

}  // namespace

Poco::JSON::Object drugImportView(const shipping::DrugImportReport& r, std::size_t max_bad_lines) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("data_set", std::string(dataSetName(r.data_set)));
    o.set("accepted", static_cast<std::int64_t>(r.accepted));
    o.set("added", static_cast<std::int64_t>(r.added));
    o.set("updated", static_cast<std::int64_t>(r.updated));
    o.set("unchanged", static_cast<std::int64_t>(r.unchanged));
    o.set("removed", static_cast<std::int64_t>(r.removed));
    o.set("rejected", static_cast<std::int64_t>(r.bad_lines.size()));
    Poco::JSON::Array bad;
    for (std::size_t i = 0; i < r.bad_lines.size() && i < max_bad_lines; ++i) {
        const auto& p = r.bad_lines[i];
        Poco::JSON::Object b(Poco::JSON_PRESERVE_KEY_ORDER);
        b.set("line", static_cast<std::int64_t>(p.line));
        b.set("code", p.code);
        b.set("reason", p.reason);
        bad.add(b);
    }
    o.set("bad_lines", bad);
    o.set("bad_lines_truncated", r.bad_lines.size() > max_bad_lines);
    return o;
}

namespace {

Poco::Dynamic::Var importStampView(const std::optional<dispatch::DrugImportStamp>& stamp) {
    if (!stamp) return Poco::Dynamic::Var();
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("source_name", stamp->source_name);
    o.set("imported_at", formatIso8601(stamp->imported_at));
    o.set("imported_by", stamp->actor);
    o.set("accepted", static_cast<std::int64_t>(stamp->accepted));
    o.set("rejected", static_cast<std::int64_t>(stamp->rejected));
    return o;
}

}  // namespace

void addDrugRoutes(Router& router, shipping::DrugDataService& drugs) {
    router.add({"GET", "/api/v1/drug-data", auth::Permission::DrugRead, 0, false, false,
                [&drugs](RequestContext& ctx) {
                    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
                    o.set("claims_master",
                          importStampView(drugs.lastImport(dispatch::DrugDataSet::ClaimsMaster)));
                    o.set("supplement",
                          importStampView(drugs.lastImport(dispatch::DrugDataSet::Supplement)));
                    ctx.respondJson(200, o);
                }});
    router.add({"GET", "/api/v1/drugs/{code}", auth::Permission::DrugRead, 0, false, false,
                [&drugs](RequestContext& ctx) {
                    ctx.respondJson(200, drugView(drugs.lookup(ctx.param("code"))));
                }});
    router.add({"PUT", "/api/v1/drugs/{code}/supplement", auth::Permission::DrugEdit, 16 * 1024,
                false, false, [&drugs](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    auto result =
                        drugs.putSupplement(ctx.param("code"), supplementFrom(body), ctx.caller());
                    ctx.respondJson(200, drugView(result));
                }});
    router.add({"POST", "/api/v1/drugs/master", auth::Permission::DrugImport, kMaxImportBytes,
                false, false, [&drugs](RequestContext& ctx) {
                    requireCsv(ctx);
                    std::string name = uploadedFileName(ctx);
                    auto report = refusingUnusable(
                        [&] { return drugs.importMaster(ctx.body(), name, ctx.caller()); });
                    ctx.respondJson(200, drugImportView(report, kMaxBadLinesShown));
                }});
    router.add({"POST", "/api/v1/drugs/supplement", auth::Permission::DrugImport, kMaxImportBytes,
                false, false, [&drugs](RequestContext& ctx) {
                    requireCsv(ctx);
                    std::string name = uploadedFileName(ctx);
                    auto report = refusingUnusable(
                        [&] { return drugs.importSupplement(ctx.body(), name, ctx.caller()); });
                    ctx.respondJson(200, drugImportView(report, kMaxBadLinesShown));
                }});
}

}  // namespace rxdesk::http
