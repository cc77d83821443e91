#include "eprescription/ClientSettings.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include "core/Error.h"

namespace rxdesk::eprescription {
namespace {

[[noreturn]] void invalid(const std::string& property, const std::string& why) {
    throw Error(
        ErrorKind::BadRequest, "invalid_eprescription_settings",
        "電子処方箋サービスの設定が不正です (rxdesk.eprescription." + property + "): " + why,
        "rxdesk.eprescription." + property);
}

bool isLoopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.starts_with("127.");
}

}  // namespace

void ClientSettings::validate() const {
    if (base_url.empty()) invalid("base_url", "未設定です");
    Poco::URI uri;
    try {
        uri = Poco::URI(base_url);
    } catch (const Poco::Exception&) {
        invalid("base_url", "URL として読めません");
    }
    if (uri.getScheme() != "https" && uri.getScheme() != "http") {
        invalid("base_url", "https:// で始めてください");
    }
    if (uri.getHost().empty()) invalid("base_url", "ホスト名がありません");
    // Patient data must not cross a network in clear text; plain http is for the local
    // simulator only.
    if (uri.getScheme() == "http" && !isLoopback(uri.getHost())) {
        invalid("base_url", "http:// はループバック (シミュレーター) にだけ使えます");
    }
    if (!uri.getQuery().empty() || !uri.getFragment().empty()) {
        invalid("base_url", "クエリやフラグメントは指定できません");
    }
    if (client_certificate.empty() != client_private_key.empty()) {
        invalid(client_certificate.empty() ? "client_certificate" : "client_private_key",
                "クライアント証明書と秘密鍵は両方指定してください");
    }
    if (connect_timeout.count() <= 0) invalid("connect_timeout_ms", "正の値にしてください");
    if (request_timeout.count() <= 0) invalid("request_timeout_ms", "正の値にしてください");
    if (max_attempts < 1 || max_attempts > 10) invalid("max_attempts", "1〜10 にしてください");
    if (initial_backoff.count() < 0) invalid("initial_backoff_ms", "負の値は使えません");
    if (max_backoff < initial_backoff) {
        invalid("max_backoff_ms", "initial_backoff_ms 以上にしてください");
    }
    if (!(backoff_jitter >= 0.0 && backoff_jitter < 1.0)) {
        invalid("backoff_jitter", "0 以上 1 未満にしてください");
    }
    if (max_response_bytes < 1024) invalid("max_response_bytes", "1024 以上にしてください");
}

}  // namespace rxdesk::eprescription
