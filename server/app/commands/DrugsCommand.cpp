#include <Poco/JSON/Array.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/Services.h"
#include "app/commands/Commands.h"
#include "core/Error.h"

namespace rxdesk::app {
namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::BadRequest, "file_not_found", "ファイルを読めません: " + path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

int report(CommandContext& ctx, const shipping::DrugImportReport& r, const std::string& what) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("data_set", what);
    o.set("accepted", static_cast<std::int64_t>(r.accepted));
    o.set("rejected", static_cast<std::int64_t>(r.bad_lines.size()));
    Poco::JSON::Array bad;
    for (const auto& p : r.bad_lines) {
        Poco::JSON::Object b(Poco::JSON_PRESERVE_KEY_ORDER);
        b.set("line", static_cast<std::int64_t>(p.line));
        b.set("code", p.code);
        b.set("reason", p.reason);
        bad.add(b);
    }
    o.set("bad_lines", bad);
    ctx.out.line(std::to_string(r.accepted) + " 件を取り込みました" +
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
            return report(ctx, services.drugData().importMaster(bytes, name, cliCaller()),
                          "claims_master");
        return report(ctx, services.drugData().importSupplement(bytes, name, cliCaller()),
                      "supplement");
    }
    throw Error(ErrorKind::BadRequest, "unknown_command",
                "使い方: rxdesk drugs import FILE | rxdesk drugs supplement FILE");
}

}  // namespace rxdesk::app
