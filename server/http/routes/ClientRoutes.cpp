#include "http/routes/ClientRoutes.h"

#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include "core/Error.h"
#include "http/RequestContext.h"
#include "http/routes/JsonViews.h"

namespace rxdesk::http {

void addClientRoutes(Router& router, auth::ApiClientService& clients) {
    router.add({"GET", "/api/v1/clients", auth::Permission::ClientManage, 0, false, false,
                [&clients](RequestContext& ctx) {
                    Poco::JSON::Array list;
                    for (const auto& c : clients.list()) list.add(clientView(c));
                    Poco::JSON::Object o;
                    o.set("clients", list);
                    ctx.respondJson(200, o);
                }});
    // Not idempotent by key on purpose: the answer holds the API key, which is never stored.
    router.add({"POST", "/api/v1/clients", auth::Permission::ClientManage, 4096, false, false,
                [&clients](RequestContext& ctx) {
                    JsonBody body = ctx.json();
                    auto kind = auth::parseClientKind(body.requireString("kind", 32));
                    if (!kind)
                        throw Error(ErrorKind::BadRequest, "invalid_field",
                                    "kind は clinic または fax_gateway です", "kind");
                    auto issued = clients.add(body.requireString("name", 200), *kind,
                                              body.optionalString("institution_code", 10).value_or(""),
                                              ctx.caller());
                    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
                    o.set("client", clientView(issued.client));
                    o.set("api_key", issued.api_key);
                    ctx.respondJson(201, o);
                }});
    router.add({"POST", "/api/v1/clients/{id}/revoke", auth::Permission::ClientManage, 1024, false,
                false, [&clients](RequestContext& ctx) {
                    std::int64_t id = 0;
                    if (!Poco::NumberParser::tryParse64(ctx.param("id"), id))
                        throw Error(ErrorKind::NotFound, "client_not_found",
                                    "API クライアントが見つかりません");
                    clients.revoke(id, ctx.caller());
                    ctx.respond(204, "", "");
                }});
}

}  // namespace rxdesk::http
