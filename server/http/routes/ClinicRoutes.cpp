#include "http/routes/ClinicRoutes.h"

#include <Poco/JSON/Array.h>

#include "core/Error.h"
#include "http/RequestContext.h"
#include "intake/MatchKeys.h"

namespace rxdesk::http {
namespace {

Poco::JSON::Object clinicView(const intake::Clinic& c) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", c.id);
    o.set("institution_code", c.institution_code);
    o.set("name", c.name);
    Poco::JSON::Array faxes;
    for (const auto& f : c.fax_numbers) faxes.add(f);
    o.set("fax_numbers", faxes);
    if (c.original_deadline_days) o.set("original_deadline_days", *c.original_deadline_days);
    return o;
}

}  // namespace

void addClinicRoutes(Router& router, Transactor& tx, intake::ClinicRepository& clinics,
                     audit::AuditLog& audit) {
    router.add({"GET", "/api/v1/clinics", auth::Permission::ClinicRead, 0, false, false,
                [&tx, &clinics](RequestContext& ctx) {
                    Poco::JSON::Array list;
                    tx.read([&] {
                        for (const auto& c : clinics.list()) list.add(clinicView(c));
                    });
                    Poco::JSON::Object o;
                    o.set("clinics", list);
                    ctx.respondJson(200, o);
                }});
    router.add({"POST", "/api/v1/clinics", auth::Permission::ClinicManage, 8192, false, false,
                [&tx, &clinics, &audit](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    intake::Clinic c;
                    c.institution_code = body.requireString("institution_code", 10);
                    if (c.institution_code.size() != 10 ||
                        c.institution_code.find_first_not_of("0123456789") != std::string::npos)
                        throw Error(ErrorKind::BadRequest, "invalid_field",
                                    "institution_code は10桁の数字にしてください", "institution_code");
                    c.name = body.requireString("name", 200);
                    if (auto days = body.optionalInt("original_deadline_days", 1, 90)) c.original_deadline_days = int(*days);
                    if (auto faxes = body.object()->getArray("fax_numbers")) {
                        for (size_t i = 0; i < faxes->size() && i < 20; ++i) {
                            std::string fax = faxes->get(i).isString()
                                                  ? intake::normalizeFaxNumber(faxes->get(i).extract<std::string>())
                                                  : "";
                            if (fax.size() < 9 || fax.size() > 11)
                                throw Error(ErrorKind::BadRequest, "invalid_field", "FAX 番号が不正です",
                                            "fax_numbers[" + std::to_string(i) + "]");
                            c.fax_numbers.push_back(fax);
                        }
                    }
                    tx.write([&] {
                        c.id = clinics.insert(c);
                        audit.record(audit::AuditEvent{ctx.principal().actor(), "clinic.add", "clinic",
                                                       std::to_string(c.id), std::nullopt, ctx.remoteAddr(),
                                                       "ok", ""});
                    });
                    ctx.respondJson(201, clinicView(c));
                }});
}

}  // namespace rxdesk::http
