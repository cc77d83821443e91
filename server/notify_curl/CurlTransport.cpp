#include "notify_curl/CurlTransport.h"

#include <Poco/JSON/Object.h>
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <sstream>

#include "core/Error.h"
#include "core/TokyoTime.h"
#include "notify/EmailMessage.h"

namespace rxdesk::notify {
namespace {

using EasyHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using HeaderList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

// Upstreams have no business sending us large answers; the rest is dropped.
constexpr std::size_t kMaxResponseBytes = 64 * 1024;

void globalInit() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

[[noreturn]] void invalidSetting(const std::string& field, const std::string& message) {
    throw Error(ErrorKind::Internal, "invalid_notify_settings", message, field);
}

std::string lowerScheme(const std::string& url) {
    const auto colon = url.find("://");
    std::string scheme = colon == std::string::npos ? std::string() : url.substr(0, colon);
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return scheme;
}

void requireHttpUrl(const std::string& url, const std::string& field, bool allow_plaintext) {
    if (url.empty()) return;
    const std::string scheme = lowerScheme(url);
    if (scheme == "https" || (scheme == "http" && allow_plaintext)) return;
    invalidSetting(field, field + " must be an https:// URL");
}

bool isPlausiblePhoneNumber(std::string_view s) {
    std::size_t digits = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9')
            ++digits;
        else if (!(c == '-' || (c == '+' && i == 0)))
            return false;
    }
    return digits >= 6 && digits <= 20;
}

HeaderList appendHeader(HeaderList list, const std::string& header) {
    curl_slist* grown = curl_slist_append(list.get(), header.c_str());
    if (!grown) throw std::bad_alloc();
    list.release();
    return HeaderList(grown, curl_slist_free_all);
}

std::size_t discardBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto* sink = static_cast<std::string*>(user);
    const std::size_t n = size * count;
    if (sink->size() < kMaxResponseBytes)
        sink->append(data, std::min(n, kMaxResponseBytes - sink->size()));
    return n;
}

struct UploadSource {
    const std::string* data;
    std::size_t offset = 0;
};

std::size_t readUpload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* src = static_cast<UploadSource*>(user);
    const std::size_t n = std::min(size * count, src->data->size() - src->offset);
    std::copy_n(src->data->data() + src->offset, n, buffer);
    src->offset += n;
    return n;
}

// Everything below the application protocol is worth retrying: these failures say nothing
// about the message, and an operator can fix a broken certificate or DNS entry.
SendResult classifyCurlError(CURLcode rc) {
    switch (rc) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
            return SendResult::retryable("curl_resolve");
        case CURLE_COULDNT_CONNECT:
            return SendResult::retryable("curl_connect");
        case CURLE_OPERATION_TIMEDOUT:
            return SendResult::retryable("curl_timeout");
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_USE_SSL_FAILED:
            return SendResult::retryable("curl_tls");
        case CURLE_SEND_ERROR:
            return SendResult::retryable("curl_send");
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
            return SendResult::retryable("curl_recv");
        default:
            return SendResult::retryable("curl_" + std::to_string(int(rc)));
    }
}

EasyHandle newHandle(const CurlTransportSettings& s, const char* protocols) {
    EasyHandle curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) throw std::bad_alloc();
    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, long(s.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, long(s.total_timeout.count()));
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, protocols);
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_SSLVERSION, long(CURL_SSLVERSION_TLSv1_2));
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, s.tls.verify_peer ? 1L : 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, s.tls.verify_host ? 2L : 0L);
    if (!s.tls.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, s.tls.ca_file.c_str());
    return curl;
}

SendResult postHttp(const CurlTransportSettings& s, const std::string& url, HeaderList headers,
                    const std::string& body) {
    EasyHandle curl = newHandle(s, "http,https");
    CURL* h = curl.get();
    // Without this curl waits for "100 Continue" on larger bodies, which some gateways never
    // send.
    headers = appendHeader(std::move(headers), "Expect:");
    std::string response;
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_USERAGENT, s.user_agent.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discardBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &response);
    const CURLcode rc = curl_easy_perform(h);
    if (rc != CURLE_OK) return classifyCurlError(rc);
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    return classifyHttpStatus(status);
}

HeaderList idempotencyHeaders(const Notification& n) {
    HeaderList headers(nullptr, curl_slist_free_all);
    return appendHeader(std::move(headers), "Idempotency-Key: " + n.id);
}

}  // namespace

CurlTransport::CurlTransport(CurlTransportSettings settings) : settings_(std::move(settings)) {
    globalInit();
    const auto& s = settings_;
    if (s.connect_timeout.count() <= 0) invalidSetting("connect_timeout_ms", "must be positive");
    if (s.total_timeout.count() <= 0) invalidSetting("timeout_ms", "must be positive");
    requireHttpUrl(s.webhook.url, "webhook.url", s.allow_plaintext);
    requireHttpUrl(s.sms.url, "sms.url", s.allow_plaintext);
    if (!s.webhook.auth_header.empty() && s.webhook.auth_header.find(':') != std::string::npos)
        invalidSetting("webhook.auth_header", "the header name must not contain ':'");
    if (!s.sms.url.empty() && s.sms.token_header.empty() && !s.sms.api_token.empty())
        invalidSetting("sms.token_header", "an SMS API token needs a header name");
    if (!s.smtp.url.empty()) {
        const std::string scheme = lowerScheme(s.smtp.url);
        if (scheme != "smtp" && scheme != "smtps")
            invalidSetting("smtp.url", "smtp.url must be an smtp:// or smtps:// URL");
        if (!isPlausibleEmailAddress(s.smtp.from_address))
            invalidSetting("smtp.from_address", "smtp.from_address must be an e-mail address");
        const auto& d = s.smtp.message_id_domain;
        if (d.empty() || d.find_first_of(" <>@\r\n") != std::string::npos)
            invalidSetting("smtp.message_id_domain", "smtp.message_id_domain must be a domain");
    }
}

std::chrono::milliseconds CurlTransport::maxSendDuration() const {
    return settings_.total_timeout;
}

SendResult CurlTransport::send(const Notification& n) {
    try {
        switch (n.channel) {
            case Channel::Webhook:
                return sendWebhook(n);
            case Channel::Sms:
                return sendSms(n);
            case Channel::Email:
                return sendEmail(n);
        }
        return SendResult::permanent("unknown_channel");
    } catch (const Error& e) {
        return SendResult::permanent(e.code());
    } catch (const std::exception&) {
        return SendResult::retryable("transport_exception");
    }
}

SendResult CurlTransport::sendWebhook(const Notification& n) {
    const auto& w = settings_.webhook;
    if (w.url.empty()) return SendResult::retryable("channel_not_configured");
    Poco::JSON::Object payload;
    payload.set("id", n.id);
    payload.set("dedup_key", n.dedup_key);
    payload.set("kind", std::string(kindCode(n.kind)));
    payload.set("channel", std::string(channelCode(n.channel)));
    payload.set("appointment_id", n.appointment_id);
    payload.set("recipient", n.recipient);
    payload.set("subject", n.subject);
    payload.set("body", n.body);
    payload.set("due_at", formatIso8601(n.due_at));
    payload.set("attempt", n.attempts);
    std::ostringstream json;
    payload.stringify(json);

    HeaderList headers = idempotencyHeaders(n);
    headers = appendHeader(std::move(headers), "Content-Type: application/json; charset=utf-8");
    if (!w.auth_header.empty() && !w.auth_value.empty())
        headers = appendHeader(std::move(headers), w.auth_header + ": " + w.auth_value);
    return postHttp(settings_, w.url, std::move(headers), json.str());
}

SendResult CurlTransport::sendSms(const Notification& n) {
    const auto& s = settings_.sms;
    if (s.url.empty()) return SendResult::retryable("channel_not_configured");
    if (!isPlausiblePhoneNumber(n.recipient)) return SendResult::permanent("invalid_recipient");

    HeaderList headers = idempotencyHeaders(n);
    if (!s.api_token.empty())
        headers =
            appendHeader(std::move(headers), s.token_header + ": " + s.token_prefix + s.api_token);
    std::string body;
    if (s.format == SmsBodyFormat::Json) {
        Poco::JSON::Object payload;
        payload.set(s.to_field, n.recipient);
        if (!s.sender_id.empty()) payload.set(s.from_field, s.sender_id);
        payload.set(s.text_field, n.body);
        std::ostringstream json;
        payload.stringify(json);
        body = json.str();
        headers = appendHeader(std::move(headers), "Content-Type: application/json; charset=utf-8");
    } else {
        EasyHandle escaper(curl_easy_init(), curl_easy_cleanup);
        auto field = [&](const std::string& name, const std::string& value) {
            std::unique_ptr<char, decltype(&curl_free)> escaped(
                curl_easy_escape(escaper.get(), value.data(), int(value.size())), curl_free);
            if (!escaped) throw std::bad_alloc();
            if (!body.empty()) body += '&';
            body += name + "=" + escaped.get();
        };
        field(s.to_field, n.recipient);
        if (!s.sender_id.empty()) field(s.from_field, s.sender_id);
        field(s.text_field, n.body);
        headers = appendHeader(std::move(headers),
                               "Content-Type: application/x-www-form-urlencoded; charset=utf-8");
    }
    return postHttp(settings_, s.url, std::move(headers), body);
}

SendResult CurlTransport::sendEmail(const Notification& n) {
    const auto& m = settings_.smtp;
    if (m.url.empty()) return SendResult::retryable("channel_not_configured");
    if (!isPlausibleEmailAddress(n.recipient)) return SendResult::permanent("invalid_recipient");

    EmailContent content;
    content.from_address = m.from_address;
    content.from_name = m.from_name;
    content.to_address = n.recipient;
    content.subject = n.subject;
    content.body = n.body;
    content.message_id = messageIdFor(n.id, m.message_id_domain);
    content.date = std::chrono::system_clock::now();
    const std::string message = formatEmail(content);

    EasyHandle curl = newHandle(settings_, "smtp,smtps");
    CURL* h = curl.get();
    const std::string from = "<" + m.from_address + ">";
    HeaderList rcpt(nullptr, curl_slist_free_all);
    rcpt = appendHeader(std::move(rcpt), "<" + n.recipient + ">");
    UploadSource source{&message};
    curl_easy_setopt(h, CURLOPT_URL, m.url.c_str());
    curl_easy_setopt(h, CURLOPT_USE_SSL,
                     long(settings_.allow_plaintext ? CURLUSESSL_TRY : CURLUSESSL_ALL));
    if (!m.username.empty()) {
        curl_easy_setopt(h, CURLOPT_USERNAME, m.username.c_str());
        curl_easy_setopt(h, CURLOPT_PASSWORD, m.password.c_str());
    }
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, readUpload);
    curl_easy_setopt(h, CURLOPT_READDATA, &source);
    curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.size()));
    const CURLcode rc = curl_easy_perform(h);
    if (rc == CURLE_OK) return SendResult::delivered();
    long reply = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
    // A refused MAIL/RCPT/DATA ends the transfer with a curl error but leaves the server's
    // reply code, which says whether the refusal is for good.
    if (reply >= 400 && reply < 600) return classifySmtpReply(reply);
    return classifyCurlError(rc);
}

}  // namespace rxdesk::notify
