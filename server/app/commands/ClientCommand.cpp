#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include "app/Services.h"
#include "app/commands/Commands.h"
#include "core/Error.h"
#include "http/routes/JsonViews.h"

namespace rxdesk::app {

int clientCommand(CommandContext& ctx) {
    const std::string action = ctx.args.word(1);
    Services services(ctx.settings, ctx.clock);
    if (action == "add") {
        auto kind = auth::parseClientKind(ctx.args.requireOption("kind"));
        if (!kind)
            throw Error(ErrorKind::BadRequest, "invalid_kind", "--kind は clinic か fax_gateway です");
        auto issued = services.clients().add(ctx.args.requireOption("name"), *kind,
                                             ctx.args.option("institution-code").value_or(""),
                                             cliCaller());
        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("client", http::clientView(issued.client));
        o.set("api_key", issued.api_key);
        ctx.out.line("API クライアント " + issued.client.name + " (id " +
                     std::to_string(issued.client.id) + ") を作成しました");
        ctx.out.line("  API キー (この表示は一度だけです): " + issued.api_key);
        ctx.out.result(o);
        return 0;
    }
    if (action == "revoke") {
        std::int64_t id = 0;
        if (!Poco::NumberParser::tryParse64(ctx.args.word(2), id))
            throw Error(ErrorKind::BadRequest, "missing_argument", "クライアント id を指定してください");
        services.clients().revoke(id, cliCaller());
        Poco::JSON::Object o;
        o.set("id", id);
        o.set("revoked", true);
        ctx.out.line("API クライアント " + std::to_string(id) + " を失効させました");
        ctx.out.result(o);
        return 0;
    }
    if (action == "list") {
        Poco::JSON::Array list;
        for (const auto& c : services.clients().list()) {
            list.add(http::clientView(c));
            ctx.out.line(std::to_string(c.id) + "\t" + std::string(auth::clientKindName(c.kind)) +
                         "\t" + c.name + (c.revoked_at ? "\t(失効)" : ""));
        }
        Poco::JSON::Object o;
        o.set("clients", list);
        ctx.out.result(o);
        return 0;
    }
    throw Error(ErrorKind::BadRequest, "unknown_command",
                "使い方: rxdesk client add --name N --kind clinic|fax_gateway "
                "[--institution-code C] | client revoke ID | client list");
}

}  // namespace rxdesk::app
