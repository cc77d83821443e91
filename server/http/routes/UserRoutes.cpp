#include "http/routes/UserRoutes.h"

#include <Poco/JSON/Array.h>

#include "core/Error.h"
#include "http/RequestContext.h"
#include "http/routes/JsonViews.h"

namespace rxdesk::http {
namespace {

Poco::JSON::Object credentialsView(const auth::IssuedCredentials& c) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("user", userView(c.user));
    if (!c.one_time_password.empty()) o.set("one_time_password", c.one_time_password);
    o.set("totp_secret", c.totp_secret);
    o.set("totp_uri", c.totp_uri);
    return o;
}

}  // namespace

void addUserRoutes(Router& router, auth::AccountService& accounts) {
    router.add({"GET", "/api/v1/users", auth::Permission::UserManage, 0, false, false,
                [&accounts](RequestContext& ctx) {
                    Poco::JSON::Array users;
                    for (const auto& u : accounts.listUsers()) users.add(userView(u));
                    Poco::JSON::Object o;
                    o.set("users", users);
                    ctx.respondJson(200, o);
                }});
    // For booking guidance with a preferred pharmacist: any staff member may see who the
    // (active) pharmacists are, by id and name, and nothing else of their accounts.
    router.add({"GET", "/api/v1/pharmacists", auth::Permission::StaffDirectoryRead, 0, false, false,
                [&accounts](RequestContext& ctx) {
                    Poco::JSON::Array pharmacists;
                    for (const auto& u : accounts.listUsers()) {
                        if (u.role != auth::Role::Pharmacist || u.disabled()) continue;
                        Poco::JSON::Object p(Poco::JSON_PRESERVE_KEY_ORDER);
                        p.set("id", u.id);
                        p.set("display_name", u.display_name);
                        pharmacists.add(p);
                    }
                    Poco::JSON::Object o;
                    o.set("pharmacists", pharmacists);
                    ctx.respondJson(200, o);
                }});
    // Not idempotent by key on purpose: the answer holds a one-time password that must not
    // be kept anywhere.
    router.add({"POST", "/api/v1/users", auth::Permission::UserManage, 4096, false, false,
                [&accounts](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    std::string role_name = body.requireString("role", 32);
                    auto role = auth::parseRole(role_name);
                    if (!role)
                        throw Error(ErrorKind::BadRequest, "invalid_field",
                                    "role は pharmacist, clerk, delivery, admin のいずれかです",
                                    "role");
                    auto issued = accounts.addUser(body.requireString("login", 64),
                                                   body.requireString("display_name", 200), *role,
                                                   ctx.caller());
                    ctx.respondJson(201, credentialsView(issued));
                }});
    router.add({"POST", "/api/v1/users/{login}/disable", auth::Permission::UserManage, 1024, false,
                false, [&accounts](RequestContext& ctx) {
                    accounts.disableUser(ctx.param("login"), ctx.caller());
                    ctx.respond(204, "", "");
                }});
    router.add({"POST", "/api/v1/users/{login}/totp", auth::Permission::UserManage, 1024, false,
                false, [&accounts](RequestContext& ctx) {
                    ctx.respondJson(
                        200, credentialsView(accounts.resetTotp(ctx.param("login"), ctx.caller())));
                }});
}

}  // namespace rxdesk::http
