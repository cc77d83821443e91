#include <Poco/JSON/Array.h>

#include "app/Services.h"
#include "app/commands/Commands.h"

namespace rxdesk::app {

int routesCommand(CommandContext& ctx) {
    Services services(ctx.settings, ctx.clock);
    Poco::JSON::Array routes;
    for (const auto& route : services.router().routes()) {
        Poco::JSON::Object r(Poco::JSON_PRESERVE_KEY_ORDER);
        r.set("method", route.method);
        r.set("pattern", route.pattern);
        r.set("permission", std::string(auth::permissionName(route.permission)));
        r.set("max_body_bytes", route.max_body_bytes);
        r.set("idempotent", route.idempotent);
        routes.add(r);
        ctx.out.line(route.method + "\t" + route.pattern + "\t" +
                     std::string(auth::permissionName(route.permission)));
    }
    Poco::JSON::Object o;
    o.set("routes", routes);
    ctx.out.result(o);
    return 0;
}

}  // namespace rxdesk::app
