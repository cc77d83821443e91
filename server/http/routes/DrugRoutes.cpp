#include "http/routes/DrugRoutes.h"

#include <Poco/JSON/Array.h>

#include "core/Error.h"
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

}  // namespace

void addDrugRoutes(Router& router, shipping::DrugDataService& drugs) {
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
}

}  // namespace rxdesk::http
