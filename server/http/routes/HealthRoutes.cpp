#include "http/routes/HealthRoutes.h"

#include <Poco/Net/IPAddress.h>

#include "auth/PermissionTable.h"
#include "core/Error.h"
#include "http/RequestContext.h"

namespace rxdesk::http {

void addHealthRoutes(Router& router, const Metrics& metrics, std::function<void()> ready) {
    router.add({"GET", "/healthz", auth::Permission::Public, 0, false, true,
                [](RequestContext& ctx) {
                    Poco::JSON::Object o;
                    o.set("status", "ok");
                    ctx.respondJson(200, o);
                }});
    router.add({"GET", "/readyz", auth::Permission::Public, 0, false, true,
                [ready](RequestContext& ctx) {
                    try {
                        ready();
                    } catch (const std::exception&) {
                        throw Error(ErrorKind::Storage, "not_ready", "準備ができていません");
                    }
                    Poco::JSON::Object o;
                    o.set("status", "ready");
                    ctx.respondJson(200, o);
                }});
    // Scrapers cannot sign in with a TOTP, so a local one is let in by address; anyone else
    // needs the MetricsRead permission.
    router.add({"GET", "/metrics", auth::Permission::Public, 0, false, false,
                [&metrics](RequestContext& ctx) {
                    bool loopback = false;
                    try {
                        loopback = Poco::Net::IPAddress(ctx.remoteAddr()).isLoopback();
                    } catch (...) {
                    }
                    if (!loopback &&
                        !auth::PermissionTable::allows(ctx.principal(), auth::Permission::MetricsRead))
                        throw Error(ErrorKind::Forbidden, "forbidden", "この操作を行う権限がありません");
                    ctx.respond(200, "text/plain; version=0.0.4; charset=utf-8", metrics.render());
                }});
}

}  // namespace rxdesk::http
