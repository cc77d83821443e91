#include "app/Initializer.h"
#include "app/commands/Commands.h"

namespace rxdesk::app {

auth::Caller cliCaller() { return auth::Caller{auth::Principal::system("cli"), "local"}; }

int initCommand(CommandContext& ctx) {
    InitReport report = initializeDataDir(ctx.settings, ctx.clock);
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("data_dir", ctx.settings.data_dir);
    o.set("schema_version", report.schema_version);
    Poco::JSON::Object cert(Poco::JSON_PRESERVE_KEY_ORDER);
    cert.set("path", ctx.settings.tls_certificate);
    cert.set("generated", report.certificate_generated);
    cert.set("sha256_fingerprint", report.certificate_fingerprint);
    o.set("certificate", cert);
    ctx.out.line("データディレクトリ " + ctx.settings.data_dir + " を初期化しました (スキーマ " +
                 std::to_string(report.schema_version) + ")");
    ctx.out.line(std::string("TLS 証明書: ") + ctx.settings.tls_certificate +
                 (report.certificate_generated ? " (自己署名で生成)" : " (既存)"));
    ctx.out.line("  SHA-256 フィンガープリント: " + report.certificate_fingerprint);
    if (report.admin) {
        const auto& a = *report.admin;
        Poco::JSON::Object admin(Poco::JSON_PRESERVE_KEY_ORDER);
        admin.set("login", a.user.login);
        admin.set("one_time_password", a.one_time_password);
        admin.set("totp_secret", a.totp_secret);
        admin.set("totp_uri", a.totp_uri);
        o.set("admin", admin);
        ctx.out.line("");
        ctx.out.line("管理者アカウントを作成しました。この表示は一度だけです:");
        ctx.out.line("  ログイン名:           " + a.user.login);
        ctx.out.line("  ワンタイムパスワード: " + a.one_time_password + "  (初回ログイン時に変更)");
        ctx.out.line("  TOTP シークレット:    " + a.totp_secret);
        ctx.out.line("  TOTP URI:             " + a.totp_uri);
    } else {
        ctx.out.line("管理者アカウントは既にあります");
    }
    ctx.out.result(o);
    return 0;
}

}  // namespace rxdesk::app
