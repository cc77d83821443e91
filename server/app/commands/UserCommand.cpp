#include "app/Services.h"
#include "app/commands/Commands.h"
#include "core/Error.h"
#include "http/routes/JsonViews.h"

namespace rxdesk::app {
namespace {

void printCredentials(CommandContext& ctx, const auth::IssuedCredentials& c) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("user", http::userView(c.user));
    if (!c.one_time_password.empty()) o.set("one_time_password", c.one_time_password);
    o.set("totp_secret", c.totp_secret);
    o.set("totp_uri", c.totp_uri);
    ctx.out.line("利用者 " + c.user.login + " (" + std::string(auth::roleLabel(c.user.role)) + ")");
    if (!c.one_time_password.empty())
        ctx.out.line("  ワンタイムパスワード: " + c.one_time_password + "  (初回ログイン時に変更)");
    ctx.out.line("  TOTP シークレット:    " + c.totp_secret);
    ctx.out.line("  TOTP URI:             " + c.totp_uri);
    ctx.out.result(o);
}

}  // namespace

int userCommand(CommandContext& ctx) {
    const std::string action = ctx.args.word(1);
    Services services(ctx.settings, ctx.clock);
    if (action == "add") {
        auto role = auth::parseRole(ctx.args.requireOption("role"));
        if (!role)
            throw Error(ErrorKind::BadRequest, "invalid_role",
                        "--role は pharmacist, clerk, delivery, admin のいずれかです");
        std::string login = ctx.args.requireOption("login");
        printCredentials(ctx, services.accounts().addUser(
                                  login, ctx.args.option("name").value_or(login), *role, cliCaller()));
        return 0;
    }
    if (action == "disable" || action == "reset-totp") {
        std::string login = ctx.args.word(2);
        if (login.empty())
            throw Error(ErrorKind::BadRequest, "missing_argument", "ログイン名を指定してください");
        if (action == "reset-totp") {
            printCredentials(ctx, services.accounts().resetTotp(login, cliCaller()));
            return 0;
        }
        services.accounts().disableUser(login, cliCaller());
        Poco::JSON::Object o;
        o.set("login", login);
        o.set("disabled", true);
        ctx.out.line("利用者 " + login + " を無効にし、すべてのセッションを終了しました");
        ctx.out.result(o);
        return 0;
    }
    throw Error(ErrorKind::BadRequest, "unknown_command",
                "使い方: rxdesk user add --login L --role R [--name N] | user disable L | "
                "user reset-totp L");
}

}  // namespace rxdesk::app
