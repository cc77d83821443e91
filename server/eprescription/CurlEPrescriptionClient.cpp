#include "eprescription/CurlEPrescriptionClient.h"

#include <Poco/Logger.h>
#include <curl/curl.h>

#include <memory>

#include "core/Error.h"
#include "crypto/RandomBytes.h"
#include "eprescription/WireFormat.h"

namespace rxdesk::eprescription {
namespace {

Poco::Logger& logger() {
    return Poco::Logger::get("rxdesk.eprescription");
}

void initializeCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

/// How an attempt went, as far as retrying is concerned.
enum class Outcome {
    Answered,     ///< an HTTP answer arrived (any status)
    Timeout,      ///< connect or total timeout: retry
    Connection,   ///< refused, reset, closed mid-answer: retry
    Tls,          ///< certificate or TLS configuration problem: retrying cannot help
    BadResponse,  ///< not HTTP, or too large: retrying cannot help
    Other,        ///< misconfiguration or local failure
};

Outcome classify(CURLcode code) {
    switch (code) {
        case CURLE_OK:
            return Outcome::Answered;
        case CURLE_OPERATION_TIMEDOUT:
            return Outcome::Timeout;
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_CONNECT:
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
            return Outcome::Connection;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_SHUTDOWN_FAILED:
        case CURLE_USE_SSL_FAILED:
            return Outcome::Tls;
        case CURLE_WEIRD_SERVER_REPLY:
        case CURLE_WRITE_ERROR:
        case CURLE_BAD_CONTENT_ENCODING:
        case CURLE_TOO_MANY_REDIRECTS:
            return Outcome::BadResponse;
        default:
            return Outcome::Other;
    }
}

struct Attempt {
    CURLcode code = CURLE_OK;
    long status = 0;
    std::string body;
};

struct Sink {
    std::string* body;
    std::size_t limit;
};

size_t writeBody(char* data, size_t size, size_t count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    const size_t n = size * count;
    // Returning less than n makes curl abort with CURLE_WRITE_ERROR.
    if (sink->body->size() + n > sink->limit) return 0;
    sink->body->append(data, n);
    return n;
}

using CurlHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using CurlHeaders = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

Attempt performOnce(const ClientSettings& s, const std::string& url, const std::string& body) {
    Attempt attempt;
    CurlHandle handle(curl_easy_init(), &curl_easy_cleanup);
    if (!handle) {
        throw Error(ErrorKind::Internal, "curl_init_failed", "HTTP クライアントを初期化できません");
    }
    CURL* h = handle.get();
    CurlHeaders headers(nullptr, &curl_slist_free_all);
    for (const char* header :
         {"Content-Type: application/json; charset=utf-8", "Accept: application/json", "Expect:"}) {
        curl_slist* next = curl_slist_append(headers.get(), header);
        if (!next) throw Error(ErrorKind::Internal, "curl_init_failed", "メモリ不足です");
        headers.release();
        headers.reset(next);
    }
    Sink sink{&attempt.body, s.max_response_bytes};

    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https,http");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "rxdesk-eprescription/1");
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, long(s.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, long(s.request_timeout.count()));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &writeBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(h, CURLOPT_SSLVERSION, long(CURL_SSLVERSION_TLSv1_2));
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!s.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, s.ca_file.c_str());
    if (!s.client_certificate.empty()) {
        curl_easy_setopt(h, CURLOPT_SSLCERT, s.client_certificate.c_str());
        curl_easy_setopt(h, CURLOPT_SSLCERTTYPE, "PEM");
        curl_easy_setopt(h, CURLOPT_SSLKEY, s.client_private_key.c_str());
        curl_easy_setopt(h, CURLOPT_SSLKEYTYPE, "PEM");
    }

    attempt.code = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &attempt.status);
    return attempt;
}

std::string describe(const Attempt& attempt) {
    if (attempt.code == CURLE_OK) return "HTTP " + std::to_string(attempt.status);
    return std::string("curl: ") + curl_easy_strerror(attempt.code);
}

bool isRetryable(Outcome outcome, long status) {
    if (outcome == Outcome::Timeout || outcome == Outcome::Connection) return true;
    return outcome == Outcome::Answered && status >= 500;
}

[[noreturn]] void throwFinal(Outcome outcome, const Attempt& attempt) {
    switch (outcome) {
        case Outcome::Timeout:
            throw Error(ErrorKind::UpstreamUnavailable, "upstream_timeout",
                        "電子処方箋管理サービスが時間内に応答しませんでした。しばらくして再度お試し"
                        "ください。");
        case Outcome::Tls:
            throw Error(ErrorKind::UpstreamUnavailable, "upstream_unavailable",
                        "電子処方箋管理サービスと安全に接続できません (" + describe(attempt) +
                            ")。証明書の設定を確認してください。");
        case Outcome::BadResponse:
            throw Error(ErrorKind::UpstreamUnavailable, "upstream_bad_response",
                        "電子処方箋管理サービスの応答を読み取れません (" + describe(attempt) + ")");
        default:
            throw Error(ErrorKind::UpstreamUnavailable, "upstream_unavailable",
                        "電子処方箋管理サービスに接続できません (" + describe(attempt) +
                            ")。しばらくして再度お試しください。");
    }
}

bool isAllowed(std::string_view text, std::string_view extra) {
    for (char c : text) {
        const bool alnum =
            (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (!alnum && extra.find(c) == std::string_view::npos) return false;
    }
    return true;
}

void checkExchangeRequest(const ExchangeRequest& request) {
    const auto reject = [](const char* field, const char* message) {
        throw Error(ErrorKind::BadRequest, "invalid_exchange_request", message, field);
    };
    if (request.exchange_number.empty() || request.exchange_number.size() > 64 ||
        !isAllowed(request.exchange_number, "-")) {
        reject("exchange_number", "引換番号の形式が正しくありません");
    }
    // 保険者番号: 6 digits (国保) or 8 digits (others).
    if ((request.insurer_number.size() != 6 && request.insurer_number.size() != 8) ||
        request.insurer_number.find_first_not_of("0123456789") != std::string::npos) {
        reject("insurer_number", "保険者番号の形式が正しくありません");
    }
    if (!request.birth_date.ok()) reject("birth_date", "生年月日が正しくありません");
}

}  // namespace

CurlEPrescriptionClient::CurlEPrescriptionClient(ClientSettings settings, Sleeper& sleeper,
                                                 std::function<double()> random01)
    : settings_(std::move(settings)),
      sleeper_(sleeper),
      retry_(settings_.initial_backoff, settings_.max_backoff, settings_.backoff_jitter),
      random01_(std::move(random01)),
      engine_(std::random_device{}()) {
    settings_.validate();
    while (!settings_.base_url.empty() && settings_.base_url.back() == '/') {
        settings_.base_url.pop_back();
    }
    initializeCurlOnce();
}

double CurlEPrescriptionClient::nextRandom() {
    if (random01_) return random01_();
    std::lock_guard lock(random_mutex_);
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine_);
}

CurlEPrescriptionClient::Response CurlEPrescriptionClient::post(std::string_view operation,
                                                                std::string_view path,
                                                                const std::string& body) {
    const std::string url = settings_.base_url + std::string(path);
    for (int attempt_no = 1;; ++attempt_no) {
        Attempt attempt = performOnce(settings_, url, body);
        const Outcome outcome = classify(attempt.code);
        if (outcome == Outcome::Answered && attempt.status < 500) {
            if (attempt_no > 1) {
                logger().information("%s: answered on attempt %d (HTTP %ld)",
                                     std::string(operation), attempt_no, attempt.status);
            }
            return {attempt.status, std::move(attempt.body)};
        }
        if (!isRetryable(outcome, attempt.status)) {
            logger().error("%s: failed, not retried (%s)", std::string(operation),
                           describe(attempt));
            throwFinal(outcome, attempt);
        }
        if (attempt_no >= settings_.max_attempts) {
            logger().error("%s: giving up after %d attempts (%s)", std::string(operation),
                           attempt_no, describe(attempt));
            throwFinal(outcome, attempt);
        }
        const std::chrono::milliseconds delay = retry_.delayAfter(attempt_no, nextRandom());
        logger().warning("%s: attempt %d/%d failed (%s); retrying in %ld ms",
                         std::string(operation), attempt_no, settings_.max_attempts,
                         describe(attempt), long(delay.count()));
        sleeper_.sleepFor(delay);
    }
}

RetrievedPrescription CurlEPrescriptionClient::retrieve(const ExchangeRequest& request) {
    checkExchangeRequest(request);
    Response response =
        post("retrieve", WireFormat::kRetrievePath, WireFormat::encodeRetrieveRequest(request));
    if (response.status != 200)
        throw WireFormat::errorFromResponse(int(response.status), response.body);
    return WireFormat::decodeRetrieveResponse(response.body);
}

RegistrationReceipt CurlEPrescriptionClient::registerDispensingResult(
    const DispensingResult& result) {
    if (result.prescription_id.empty()) {
        throw Error(ErrorKind::BadRequest, "invalid_dispensing_result", "処方箋IDがありません",
                    "prescription_id");
    }
    if (result.items.empty()) {
        throw Error(ErrorKind::BadRequest, "invalid_dispensing_result", "調剤した薬品がありません",
                    "items");
    }
    const std::string request_id = crypto::randomToken(16);
    Response response = post("register_dispensing_result", WireFormat::kRegisterPath,
                             WireFormat::encodeRegisterRequest(request_id, result));
    if (response.status != 200)
        throw WireFormat::errorFromResponse(int(response.status), response.body);
    return WireFormat::decodeRegisterResponse(response.body);
}

}  // namespace rxdesk::eprescription
