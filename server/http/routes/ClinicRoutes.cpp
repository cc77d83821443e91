#include "http/routes/ClinicRoutes.h"

#include <Poco/JSON/Array.h>

#include <algorithm>

#include "core/Error.h"
#include "http/RequestContext.h"
#include "intake/MatchKeys.h"

namespace rxdesk::http {
namespace {

constexpr std::size_t kMaxFaxNumbers = 20;

Poco::JSON::Object clinicView(const intake::Clinic& c) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", c.id);
    o.set("institution_code", c.institution_code);
    o.set("name", c.name);
    Poco::JSON::Array faxes;
    for (const auto& f : c.fax_numbers) faxes.add(f);
    o.set("fax_numbers", faxes);
    if (c.original_deadline_days) o.set("original_deadline_days", *c.original_deadline_days);
    o.set("active", c.active);
    return o;
}

std::string clinicName(const JsonBody& body) {
    std::string name = body.requireString("name", 200);
    // Spaces around the name, ASCII or full-width (U+3000), are typing noise.
    const std::string wide = "\u3000";
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        if (!name.empty() && (name.front() == ' ' || name.front() == '\t')) {
            name.erase(0, 1);
            trimmed = true;
        } else if (name.starts_with(wide)) {
            name.erase(0, wide.size());
            trimmed = true;
        }
        if (!name.empty() && (name.back() == ' ' || name.back() == '\t')) {
            name.pop_back();
            trimmed = true;
        } else if (name.ends_with(wide)) {
            name.erase(name.size() - wide.size());
            trimmed = true;
        }
    }
    if (name.empty())
        throw Error(ErrorKind::BadRequest, "invalid_field", "名称を入力してください", "name");
    return name;
}

// The fax numbers of a body, normalised to digits and sorted as the registry lists them;
// the same number written twice (e.g. "03-1111-2222" and "0311112222") is kept once.
std::vector<std::string> faxNumbers(const JsonBody& body) {
    std::vector<std::string> out;
    if (!body.has("fax_numbers") || body.object()->isNull("fax_numbers")) return out;
    auto list = body.object()->getArray("fax_numbers");
    if (!list)
        throw Error(ErrorKind::BadRequest, "invalid_field", "fax_numbers は文字列の配列です",
                    "fax_numbers");
    if (list->size() > kMaxFaxNumbers)
        throw Error(ErrorKind::BadRequest, "invalid_field",
                    "FAX 番号は " + std::to_string(kMaxFaxNumbers) + " 件までです", "fax_numbers");
    for (std::size_t i = 0; i < list->size(); ++i) {
        std::string fax = list->get(i).isString()
                              ? intake::normalizeFaxNumber(list->get(i).extract<std::string>())
                              : "";
        if (fax.size() < 9 || fax.size() > 11)
            throw Error(ErrorKind::BadRequest, "invalid_field", "FAX 番号が不正です",
                        "fax_numbers[" + std::to_string(i) + "]");
        out.push_back(fax);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::int64_t clinicId(const RequestContext& ctx) {
    const std::string& text = ctx.param("id");
    if (text.empty() || text.size() > 18 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        throw Error(ErrorKind::NotFound, "clinic_not_found", "その医療機関は登録されていません");
    return std::stoll(text);
}

// Field names only: the audit detail says what changed, the registry holds the values.
std::string changedFields(const intake::Clinic& before, const intake::Clinic& after) {
    std::string out;
    auto note = [&out](bool changed, const char* name) {
        if (changed) out += (out.empty() ? "" : ",") + std::string(name);
    };
    note(before.name != after.name, "name");
    note(before.fax_numbers != after.fax_numbers, "fax_numbers");
    note(before.original_deadline_days != after.original_deadline_days, "original_deadline_days");
    note(before.active != after.active, "active");
    return "changed=" + out;
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
                                    "institution_code は10桁の数字にしてください",
                                    "institution_code");
                    c.name = clinicName(body);
                    if (auto days = body.optionalInt("original_deadline_days", 1, 90))
                        c.original_deadline_days = int(*days);
                    c.fax_numbers = faxNumbers(body);
                    tx.write([&] {
                        c.id = clinics.insert(c);
                        audit.record(audit::AuditEvent{ctx.principal().actor(), "clinic.add",
                                                       "clinic", std::to_string(c.id), std::nullopt,
                                                       ctx.remoteAddr(), "ok", ""});
                    });
                    ctx.respondJson(201, clinicView(c));
                }});
    router.add({"PUT", "/api/v1/clinics/{id}", auth::Permission::ClinicManage, 8192, false, false,
                [&tx, &clinics, &audit](RequestContext& ctx) {
                    std::int64_t id = clinicId(ctx);
                    JsonBody body = ctx.json();
                    // Absent (or null) fields keep their value, except that
                    // "original_deadline_days": null clears the deadline.
                    std::optional<std::string> name;
                    if (body.has("name")) name = clinicName(body);
                    std::optional<std::vector<std::string>> faxes;
                    if (body.has("fax_numbers") && !body.object()->isNull("fax_numbers"))
                        faxes = faxNumbers(body);
                    auto days = body.optionalInt("original_deadline_days", 1, 90);
                    auto active = body.optionalBool("active");
                    intake::Clinic after;
                    tx.write([&] {
                        auto before = clinics.find(id);
                        if (!before)
                            throw Error(ErrorKind::NotFound, "clinic_not_found",
                                        "その医療機関は登録されていません");
                        after = *before;
                        if (name) after.name = *name;
                        if (faxes) after.fax_numbers = *faxes;
                        if (body.has("original_deadline_days"))
                            after.original_deadline_days =
                                days ? std::optional<int>(int(*days)) : std::nullopt;
                        if (active) after.active = *active;
                        clinics.update(after);
                        std::string action = "clinic.edit";
                        if (before->active && !after.active) action = "clinic.deactivate";
                        if (!before->active && after.active) action = "clinic.reactivate";
                        audit.record(audit::AuditEvent{
                            ctx.principal().actor(), action, "clinic", std::to_string(id),
                            std::nullopt, ctx.remoteAddr(), "ok", changedFields(*before, after)});
                        after = *clinics.find(id);
                    });
                    ctx.respondJson(200, clinicView(after));
                }});
}

}  // namespace rxdesk::http
