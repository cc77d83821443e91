#include "app/Services.h"
#include "app/commands/Commands.h"
#include "core/Error.h"

namespace rxdesk::app {

int auditCommand(CommandContext& ctx) {
    if (ctx.args.word(1) != "verify")
        throw Error(ErrorKind::BadRequest, "unknown_command", "使い方: rxdesk audit verify");
    Services services(ctx.settings, ctx.clock);
    auto report = services.audit().verify();
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("ok", !report.broken.has_value());
    o.set("entries", report.entries);
    if (report.broken) {
        Poco::JSON::Object b;
        b.set("seq", report.broken->seq);
        b.set("problem", report.broken->problem);
        o.set("broken", b);
        ctx.out.line("監査ログの改ざんを検出しました: 連番 " + std::to_string(report.broken->seq) +
                     " (" + report.broken->problem + ")");
    } else {
        ctx.out.line("監査ログは正常です (" + std::to_string(report.entries) + " 件)");
    }
    ctx.out.result(o);
    return report.broken ? 1 : 0;
}

}  // namespace rxdesk::app
