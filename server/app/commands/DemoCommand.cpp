#include <Poco/JSON/Array.h>

#include "app/DemoData.h"
#include "app/Services.h"
#include "app/commands/Commands.h"

namespace rxdesk::app {
namespace {

struct DemoUser {
    const char* login;
    const char* name;
    auth::Role role;
};

const DemoUser kDemoUsers[] = {
    {"yamada", "山田 花子", auth::Role::Pharmacist},
    {"sato", "佐藤 健", auth::Role::Pharmacist},
    {"suzuki", "鈴木 美咲", auth::Role::Clerk},
    {"tanaka", "田中 翔", auth::Role::Delivery},
};

struct DemoClient {
    const char* name;
    auth::ClientKind kind;
    const char* institution_code;
};

const DemoClient kDemoClients[] = {
    {"さくら内科クリニック", auth::ClientKind::Clinic, "1312345678"},
    {"みなと皮膚科", auth::ClientKind::Clinic, "1398765432"},
    {"FAX ゲートウェイ", auth::ClientKind::FaxGateway, ""},
};

}  // namespace

int demoCommand(CommandContext& ctx) {
    Services services(ctx.settings, ctx.clock);
    Poco::JSON::Array users, clients;
    bool loaded = false;
    services.database().read([&] { loaded = services.users().findByLogin("yamada").has_value(); });
    if (loaded) {
        ctx.out.line("デモデータは読み込み済みです");
    } else {
        ctx.out.line("デモ用の利用者 (デモ専用。実運用では使わないでください):");
        for (const auto& u : kDemoUsers) {
            auto c = services.accounts().addUser(u.login, u.name, u.role, cliCaller());
            Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
            o.set("login", u.login);
            o.set("one_time_password", c.one_time_password);
            o.set("totp_secret", c.totp_secret);
            users.add(o);
            ctx.out.line("  " + std::string(u.login) + " (" + u.name + ", " +
                         std::string(auth::roleLabel(u.role)) + ")  パスワード " +
                         c.one_time_password + "  TOTP " + c.totp_secret);
        }
        ctx.out.line("デモ用の API クライアント:");
        for (const auto& d : kDemoClients) {
            auto issued = services.clients().add(d.name, d.kind, d.institution_code, cliCaller());
            Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
            o.set("name", d.name);
            o.set("api_key", issued.api_key);
            clients.add(o);
            ctx.out.line("  " + std::string(d.name) + "  " + issued.api_key);
        }
    }
    // Prescriptions in every state, acted on by the first demo pharmacist.
    DemoReport demo;
    std::optional<auth::User> pharmacist;
    services.database().read([&] { pharmacist = services.users().findByLogin("yamada"); });
    if (pharmacist) {
        auth::Principal p;
        p.kind = auth::Principal::Kind::User;
        p.id = pharmacist->id;
        p.name = pharmacist->login;
        p.display_name = pharmacist->display_name;
        p.role = auth::Role::Pharmacist;
        demo = loadDemoPrescriptions(services, p);
        if (demo.prescriptions)
            ctx.out.line("デモの処方箋 " + std::to_string(demo.prescriptions) + " 件 (すべての状態) と医療機関 " +
                         std::to_string(demo.clinics) + " 件を登録しました");
    }
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("already_loaded", loaded);
    o.set("prescriptions", demo.prescriptions);
    o.set("clinics", demo.clinics);
    o.set("users", users);
    o.set("clients", clients);
    ctx.out.result(o);
    return 0;
}

}  // namespace rxdesk::app
