#include "http/routes/SessionRoutes.h"

#include "http/HttpDependencies.h"
#include "http/RequestContext.h"

namespace rxdesk::http {
namespace {

Poco::JSON::Object sessionView(const auth::Principal& p) {
    Poco::JSON::Object user(Poco::JSON_PRESERVE_KEY_ORDER);
    user.set("id", p.id);
    user.set("login", p.name);
    user.set("display_name", p.display_name);
    user.set("role", std::string(auth::roleName(*p.role)));
    user.set("role_label", std::string(auth::roleLabel(*p.role)));
    user.set("password_change_required", p.password_change_required);
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("user", user);
    o.set("csrf_token", p.csrf_token);
    return o;
}

std::string sessionCookie(const std::string& value, bool expire) {
    return std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; Secure; SameSite=Strict" +
           (expire ? "; Max-Age=0" : "");
}

}  // namespace

void addSessionRoutes(Router& router, auth::AccountService& accounts) {
    router.add({"POST", "/api/v1/session", auth::Permission::Public, 4096, false, true,
                [&accounts](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    auto result = accounts.login(body.requireString("login", 64),
                                                 body.requireString("password", 256),
                                                 body.requireString("totp", 16), ctx.remoteAddr());
                    ctx.addHeader("Set-Cookie", sessionCookie(result.session_token, false));
                    ctx.respondJson(201, sessionView(result.principal));
                }});
    router.add({"GET", "/api/v1/session", auth::Permission::OwnSession, 0, false, true,
                [](RequestContext& ctx) { ctx.respondJson(200, sessionView(ctx.principal()));
                }});
    router.add({"DELETE", "/api/v1/session", auth::Permission::OwnSession, 0, false, true,
                [&accounts](RequestContext& ctx) {
                    accounts.logout(ctx.cookie(kSessionCookie).value_or(""), ctx.caller());
                    ctx.addHeader("Set-Cookie", sessionCookie("", true));
                    ctx.respond(204, "", "");
                }});
    router.add({"POST", "/api/v1/session/password", auth::Permission::OwnSession, 4096, false, true,
                [&accounts](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    accounts.changePassword(ctx.caller(), body.requireString("current_password", 256),
                                            body.requireString("new_password", 256));
                    ctx.respond(204, "", "");
                }});
}

}  // namespace rxdesk::http
