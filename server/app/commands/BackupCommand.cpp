#include "app/Services.h"
#include "app/commands/Commands.h"
#include "core/Error.h"
#include "store/Backup.h"

namespace rxdesk::app {

int backupCommand(CommandContext& ctx) {
    std::string dest = ctx.args.word(1);
    if (dest.empty())
        throw Error(ErrorKind::BadRequest, "missing_argument", "使い方: rxdesk backup DEST");
    Services services(ctx.settings, ctx.clock);
    auto report =
        store::backupDataDir(services.database(), services.blobs(), services.fileSystem(), dest);
    services.audit().record(audit::AuditEvent{"system:cli", "backup.create", "data_dir", "",
                                              std::nullopt, "local", "ok",
                                              std::to_string(report.blobs) + " blobs"});
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("database", report.database_path);
    o.set("schema_version", report.schema_version);
    o.set("blobs", report.blobs);
    o.set("secret_key", report.secret_key_path);
    ctx.out.line("バックアップを作成しました: " + report.database_path + " (ファイル " +
                 std::to_string(report.blobs) + " 件)");
    // The key opens the TOTP secrets in the copied database: whoever holds both can
    // impersonate staff's second factor, so it is named here to be kept apart.
    if (!report.secret_key_path.empty())
        ctx.out.line("暗号鍵ファイルも複製しました: " + report.secret_key_path +
                     "（データベースとは別の安全な場所に保管してください）");
    ctx.out.result(o);
    return 0;
}

}  // namespace rxdesk::app
