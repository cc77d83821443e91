#include "app/Cli.h"

#include <iostream>

#include "app/ServerApp.h"
#include "app/SettingsLoader.h"
#include "app/commands/Commands.h"
#include "core/Error.h"
#include "core/SystemClock.h"

namespace rxdesk::app {
namespace {

constexpr const char* kUsage =
    "使い方: rxdesk <command> [--config FILE] [--json]\n"
    "  serve                      HTTPS サーバーを起動する\n"
    "  init                       データディレクトリを初期化する (初回は管理者を作成)\n"
    "  user add --login L --role pharmacist|clerk|delivery|admin [--name N]\n"
    "  user disable L | user reset-totp L\n"
    "  client add --name N --kind clinic|fax_gateway [--institution-code C]\n"
    "  client revoke ID | client list\n"
    "  audit verify               監査ログのハッシュチェーンを検証する\n"
    "  backup DEST                稼働中でも一貫したバックアップを作る\n"
    "  demo                       デモデータを読み込む\n"
    "  routes                     HTTP API の一覧と必要な権限を表示する\n"
    "  retention run              保存期間 (完了から3年) を過ぎた処方箋と画像を削除する\n"
    "  drugs import FILE          医薬品マスター (Shift_JIS CSV) を取り込む (再取込は置き換え)\n"
    "  drugs supplement FILE      薬局の補足情報 (保管温度・劇薬など) を取り込む\n";

}  // namespace

int runCli(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "help" || args[0] == "--help") {
        std::cout << kUsage;
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "serve") {
        ServerApp app;
        return app.run(argc - 1, argv + 1);
    }
    bool json = false;
    try {
        CommandLine line(args, {"json"});
        json = line.flag("json");
        Settings settings = loadSettingsFile(line.option("config").value_or(""));
        SystemClock clock;
        CommandOutput out(std::cout, json);
        CommandContext ctx{line, settings, clock, out};
        const std::string& command = line.word(0);
        if (command == "init") return initCommand(ctx);
        if (command == "user") return userCommand(ctx);
        if (command == "client") return clientCommand(ctx);
        if (command == "audit") return auditCommand(ctx);
        if (command == "backup") return backupCommand(ctx);
        if (command == "demo") return demoCommand(ctx);
        if (command == "routes") return routesCommand(ctx);
        if (command == "retention") return retentionCommand(ctx);
        if (command == "drugs") return drugsCommand(ctx);
        std::cerr << "rxdesk: 不明なコマンドです: " << command << "\n" << kUsage;
        return 2;
    } catch (const Error& e) {
        std::cerr << "rxdesk: " << e.what() << std::endl;
        return e.kind() == ErrorKind::BadRequest ? 2 : 1;
    } catch (const std::exception& e) {
        std::cerr << "rxdesk: 予期しないエラー: " << e.what() << std::endl;
        return 1;
    }
}

}  // namespace rxdesk::app
