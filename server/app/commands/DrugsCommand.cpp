#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/Services.h"
#include "app/commands/Commands.h"
#include "core/Error.h"
#include "http/routes/DrugRoutes.h"

namespace rxdesk::app {
namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::BadRequest, "file_not_found", "ファイルを読めません: " + path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

int report(CommandContext& ctx, const shipping::DrugImportReport& r) {
    // The command line lists every bad line; the counter's upload answer shows the first ones.
    Poco::JSON::Object o = http::drugImportView(r, r.bad_lines.size());
    ctx.out.line(std::to_string(r.accepted) + " 件を取り込みました（新規 " +
                 std::to_string(r.added) + "・更新 " + std::to_string(r.updated) + "・変更なし " +
                 std::to_string(r.unchanged) + "・削除 " + std::to_string(r.removed) + "）" +
                 (r.bad_lines.empty()
                      ? ""
                      : "（" + std::to_string(r.bad_lines.size()) + " 行は取り込めませんでした）"));
    for (const auto& p : r.bad_lines)
        ctx.out.line("  " + std::to_string(p.line) + " 行目: " + p.reason + " [" + p.code + "]");
    ctx.out.result(o);
    // Lines left out are reported, not fatal: the rest of the master is in use.
    return 0;
}

}  // namespace

int drugsCommand(CommandContext& ctx) {
    const std::string action = ctx.args.word(1);
    const std::string file = ctx.args.word(2);
    if ((action == "import" || action == "supplement") && !file.empty()) {
        std::string bytes = readFile(file);
        Services services(ctx.settings, ctx.clock);
        std::string name = std::filesystem::path(file).filename().string();
        if (action == "import")
            return report(ctx, services.drugData().importMaster(bytes, name, cliCaller()));
        return report(ctx, services.drugData().importSupplement(bytes, name, cliCaller()));
    }
    throw Error(ErrorKind::BadRequest, "unknown_command",
                "使い方: rxdesk drugs import FILE | rxdesk drugs supplement FILE");
}

}  // namespace rxdesk::app
