#include "auth/ApiClientService.h"

#include <algorithm>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "crypto/Encoding.h"
#include "crypto/Hashing.h"
#include "crypto/RandomBytes.h"

namespace rxdesk::auth {
namespace {

constexpr std::string_view kPrefix = "rxk_";

bool isDigits(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Error invalidKey() {
    return Error(ErrorKind::Unauthenticated, "invalid_api_key", "API キーが無効です");
}

}  // namespace

IssuedApiKey ApiClientService::add(const std::string& name, ClientKind kind,
                                   const std::string& institution_code, const Caller& caller) {
    if (name.empty() || name.size() > 200)
        throw Error(ErrorKind::BadRequest, "invalid_client_name",
                    "クライアント名は1〜200バイトで指定してください", "name");
    if (kind == ClientKind::Clinic &&
        (!isDigits(institution_code) ||
         (institution_code.size() != 7 && institution_code.size() != 10)))
        throw Error(ErrorKind::BadRequest, "invalid_institution_code",
                    "医療機関コードは7桁または10桁の数字で指定してください", "institution_code");
    if (kind == ClientKind::FaxGateway && !institution_code.empty())
        throw Error(ErrorKind::BadRequest, "invalid_institution_code",
                    "FAX ゲートウェイには医療機関コードを指定できません", "institution_code");

    IssuedApiKey out;
    out.client.key_id = crypto::toHex(crypto::randomBytes(8));
    std::string secret = crypto::randomToken(32);
    out.api_key = std::string(kPrefix) + out.client.key_id + "." + secret;
    out.client.key_hash = crypto::sha256Hex(out.api_key);
    out.client.name = name;
    out.client.kind = kind;
    out.client.institution_code = institution_code;
    out.client.created_at = unixSeconds(clock_.now());
    tx_.write([&] {
        out.client.id = clients_.insert(out.client);
        audit_.record(audit::AuditEvent{caller.principal.actor(), "client.add", "api_client",
                                        std::to_string(out.client.id), std::nullopt,
                                        caller.remote_addr, "ok",
                                        std::string(clientKindName(kind))});
    });
    return out;
}

Principal ApiClientService::authenticate(const std::string& api_key) {
    if (api_key.rfind(kPrefix, 0) != 0) throw invalidKey();
    size_t dot = api_key.find('.');
    if (dot == std::string::npos) throw invalidKey();
    std::string key_id = api_key.substr(kPrefix.size(), dot - kPrefix.size());
    std::optional<ApiClient> client;
    tx_.read([&] { client = clients_.findByKeyId(key_id); });
    if (!client || client->revoked_at ||
        !crypto::constantTimeEquals(crypto::sha256Hex(api_key), client->key_hash))
        throw invalidKey();
    Principal p;
    p.kind = Principal::Kind::Client;
    p.id = client->id;
    p.name = client->name;
    p.client_kind = client->kind;
    p.institution_code = client->institution_code;
    return p;
}

void ApiClientService::revoke(std::int64_t id, const Caller& caller) {
    tx_.write([&] {
        auto client = clients_.findById(id);
        if (!client)
            throw Error(ErrorKind::NotFound, "client_not_found", "API クライアントが見つかりません");
        if (!client->revoked_at) clients_.revoke(id, unixSeconds(clock_.now()));
        audit_.record(audit::AuditEvent{caller.principal.actor(), "client.revoke", "api_client",
                                        std::to_string(id), std::nullopt, caller.remote_addr,
                                        "ok", ""});
    });
}

std::vector<ApiClient> ApiClientService::list() {
    std::vector<ApiClient> out;
    tx_.read([&] { out = clients_.list(); });
    return out;
}

}  // namespace rxdesk::auth
