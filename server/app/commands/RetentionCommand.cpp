#include "app/Services.h"
#include "app/commands/Commands.h"
#include "core/Error.h"

namespace rxdesk::app {

int retentionCommand(CommandContext& ctx) {
    if (ctx.args.word(1) != "run")
        throw Error(ErrorKind::BadRequest, "missing_argument",
                    "使い方: rxdesk retention run [--json]");
    Services services(ctx.settings, ctx.clock);
    auto report = services.retention().run(cliCaller());
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("kept_from", formatDate(report.kept_from));
    o.set("prescriptions", report.removed.prescriptions);
    o.set("blobs", report.blobs_removed);
    o.set("kept_referenced", report.kept_referenced);
    Poco::JSON::Object rows(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [table, n] : report.removed.rows_by_table) rows.set(table, n);
    o.set("rows", rows);
    ctx.out.line(
        "保存期間を過ぎた処方箋を削除しました: " + std::to_string(report.removed.prescriptions) +
        " 件 (画像 " + std::to_string(report.blobs_removed) + " 件、" +
        formatDate(report.kept_from) + " 以降に完了したものは保持)");
    ctx.out.result(o);
    return 0;
}

}  // namespace rxdesk::app
