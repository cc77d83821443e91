#include "app/SettingsLoader.h"

#include <Poco/AutoPtr.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <cstdlib>
#include <filesystem>

#include "app/SettingsReader.h"
#include "core/Error.h"

namespace rxdesk::app {

std::optional<std::string> processEnvironment(const std::string& name) {
    const char* value = std::getenv(name.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
}

Settings loadSettings(const Poco::Util::AbstractConfiguration& config, const EnvironmentLookup& env) {
    SettingsReader r(config, env);
    Settings s;
    s.data_dir = r.string("rxdesk.data_dir", s.data_dir);
    if (s.data_dir.empty()) throw SettingsReader::invalid("rxdesk.data_dir", "空にはできません");
    s.bind_address = r.string("rxdesk.https.bind", s.bind_address);
    s.https_port = r.integer("rxdesk.https.port", s.https_port, 0, 65535);
    s.tls_certificate = r.string("rxdesk.tls.certificate", s.data_dir + "/tls/server.crt");
    s.tls_private_key = r.string("rxdesk.tls.private_key", s.data_dir + "/tls/server.key");
    s.tls_ciphers = r.string("rxdesk.tls.ciphers", s.tls_ciphers);
    s.http_enabled = r.boolean("rxdesk.http.enabled", s.http_enabled);
    s.http_port = r.integer("rxdesk.http.port", s.http_port, 0, 65535);
    s.threads = r.integer("rxdesk.server.threads", s.threads, 1, 1024);
    s.max_queued = r.integer("rxdesk.server.max_queued", s.max_queued, 1, 100000);
    s.request_timeout_seconds =
        r.integer("rxdesk.server.request_timeout_seconds", s.request_timeout_seconds, 1, 3600);
    s.keep_alive_seconds = r.integer("rxdesk.server.keep_alive_seconds", s.keep_alive_seconds, 1, 3600);
    s.shutdown_grace_seconds =
        r.integer("rxdesk.server.shutdown_grace_seconds", s.shutdown_grace_seconds, 0, 600);

    std::string durability = r.string("rxdesk.store.durability", "full");
    if (durability == "full") s.durability = store::Durability::Full;
    else if (durability == "normal") s.durability = store::Durability::Normal;
    else throw SettingsReader::invalid("rxdesk.store.durability", "full か normal にしてください");

    auto& a = s.auth;
    a.idle_timeout_seconds =
        60 * r.integer("rxdesk.session.idle_timeout_minutes", int(a.idle_timeout_seconds / 60), 1, 24 * 60);
    a.absolute_timeout_seconds =
        3600 * r.integer("rxdesk.session.absolute_timeout_hours", int(a.absolute_timeout_seconds / 3600), 1, 72);
    a.throttle.max_failures = r.integer("rxdesk.login.max_failures", a.throttle.max_failures, 1, 100);
    a.throttle.base_lock_seconds =
        r.integer("rxdesk.login.lock_seconds", int(a.throttle.base_lock_seconds), 1, 86400);
    a.address_throttle.max_failures = r.integer("rxdesk.login.address_max_failures",
                                                a.address_throttle.max_failures, 1, 10000);
    a.address_throttle.base_lock_seconds = r.integer(
        "rxdesk.login.address_lock_seconds", int(a.address_throttle.base_lock_seconds), 1, 3600);
    a.min_password_length = std::size_t(
        r.integer("rxdesk.password.min_length", int(a.min_password_length), 8, 128));
    a.password_iterations =
        r.integer("rxdesk.password.pbkdf2_iterations", a.password_iterations, 1000, 10'000'000);

    s.web_root = r.string("rxdesk.web.root", s.web_root);

    auto& e = s.eprescription;
    e.base_url = r.string("rxdesk.eprescription.base_url", "");
    e.client_certificate = r.string("rxdesk.eprescription.client_certificate", "");
    e.client_private_key = r.string("rxdesk.eprescription.client_private_key", "");
    e.ca_file = r.string("rxdesk.eprescription.ca_file", "");
    e.connect_timeout = std::chrono::milliseconds(
        r.integer("rxdesk.eprescription.connect_timeout_ms", int(e.connect_timeout.count()), 100, 60000));
    e.request_timeout = std::chrono::milliseconds(
        r.integer("rxdesk.eprescription.request_timeout_ms", int(e.request_timeout.count()), 100, 300000));
    e.max_attempts = r.integer("rxdesk.eprescription.max_attempts", e.max_attempts, 1, 10);
    e.initial_backoff = std::chrono::milliseconds(
        r.integer("rxdesk.eprescription.initial_backoff_ms", int(e.initial_backoff.count()), 0, 60000));
    e.max_backoff = std::chrono::milliseconds(
        r.integer("rxdesk.eprescription.max_backoff_ms", int(e.max_backoff.count()), 0, 600000));
    if (!e.base_url.empty()) e.validate();

    auto& sp = s.spool;
    sp.enabled = r.boolean("rxdesk.spool.enabled", sp.enabled);
    sp.dir = r.string("rxdesk.spool.dir", "");
    sp.scan_interval = std::chrono::seconds(r.integer("rxdesk.spool.scan_interval_seconds", 5, 1, 3600));
    sp.settle_time = std::chrono::seconds(r.integer("rxdesk.spool.settle_seconds", 10, 0, 3600));
    sp.max_file_bytes = std::uint64_t(r.integer("rxdesk.spool.max_file_megabytes", 64, 1, 1024)) << 20;
    sp.max_attempts = r.integer("rxdesk.spool.max_attempts", sp.max_attempts, 1, 1000);
    sp.max_files_per_scan = r.integer("rxdesk.spool.max_files_per_scan", sp.max_files_per_scan, 1, 1000);
    if (sp.enabled) sp.validate();

    auto& g = s.guidance;
    g.pharmacy_name = r.string("rxdesk.guidance.pharmacy_name", g.pharmacy_name);
    if (g.pharmacy_name.empty())
        throw SettingsReader::invalid("rxdesk.guidance.pharmacy_name", "空にはできません");
    g.pharmacy_phone = r.string("rxdesk.guidance.pharmacy_phone", "");
    g.public_base_url = r.string("rxdesk.guidance.public_base_url", "");
    while (!g.public_base_url.empty() && g.public_base_url.back() == '/') g.public_base_url.pop_back();
    g.calendar_uid_domain = r.string("rxdesk.guidance.calendar_uid_domain", g.calendar_uid_domain);
    {
        const std::string key = "rxdesk.guidance.reminder_offsets_minutes";
        const std::string text = r.string(key, "1440,15");
        g.reminder_offsets.clear();
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t comma = text.find(',', start);
            if (comma == std::string::npos) comma = text.size();
            std::string item = Poco::trim(text.substr(start, comma - start));
            int minutes = 0;
            if (!item.empty()) {
                if (!Poco::NumberParser::tryParse(item, minutes) || minutes < 1 || minutes > 14 * 24 * 60)
                    throw SettingsReader::invalid(key, "1〜20160 の分をカンマ区切りで指定してください");
                g.reminder_offsets.push_back(std::chrono::minutes(minutes));
            }
            start = comma + 1;
        }
    }
    auto& v = g.video;
    v.video_domain = r.string("rxdesk.guidance.video_domain", "");
    v.issuer = r.string("rxdesk.guidance.jwt_issuer", "rxdesk");
    v.audience = r.string("rxdesk.guidance.jwt_audience", v.audience);
    v.key_id = r.string("rxdesk.guidance.jwt_key_id", "");
    v.hmac_secret = r.string("rxdesk.guidance.jwt_secret", "");      // RXDESK_GUIDANCE_JWT_SECRET
    v.room_secret = r.string("rxdesk.guidance.room_secret", "");     // RXDESK_GUIDANCE_ROOM_SECRET
    v.open_before = std::chrono::minutes(r.integer("rxdesk.guidance.join_open_before_minutes", 15, 0, 24 * 60));
    v.close_after = std::chrono::minutes(r.integer("rxdesk.guidance.join_close_after_minutes", 30, 0, 24 * 60));
    if (!v.video_domain.empty()) {
        if (v.hmac_secret.size() < 32)
            throw SettingsReader::invalid("rxdesk.guidance.jwt_secret",
                                          "RXDESK_GUIDANCE_JWT_SECRET に32バイト以上の秘密鍵を設定してください");
        if (v.room_secret.size() < 32)
            throw SettingsReader::invalid("rxdesk.guidance.room_secret",
                                          "RXDESK_GUIDANCE_ROOM_SECRET に32バイト以上の秘密鍵を設定してください");
    }

    auto& n = s.notify;
    n.enabled = r.boolean("rxdesk.notify.enabled", n.enabled);
    n.poll_interval = std::chrono::milliseconds(r.integer("rxdesk.notify.poll_interval_ms", 5000, 50, 3600000));
    n.batch_size = std::size_t(r.integer("rxdesk.notify.batch_size", int(n.batch_size), 1, 1000));
    n.lease = std::chrono::seconds(r.integer("rxdesk.notify.lease_seconds", int(n.lease.count()), 1, 86400));
    n.retry.initial_delay = std::chrono::seconds(
        r.integer("rxdesk.notify.retry.initial_delay_seconds", int(n.retry.initial_delay.count()), 1, 86400));
    n.retry.max_delay = std::chrono::seconds(
        r.integer("rxdesk.notify.retry.max_delay_seconds", int(n.retry.max_delay.count()), 1, 7 * 86400));
    n.retry.max_attempts = r.integer("rxdesk.notify.retry.max_attempts", n.retry.max_attempts, 1, 1000);
    {
        const std::string key = "rxdesk.notify.retry.multiplier";
        const std::string text = r.string(key, "2");
        if (!Poco::NumberParser::tryParseFloat(text, n.retry.multiplier) || n.retry.multiplier < 1 ||
            n.retry.multiplier > 100)
            throw SettingsReader::invalid(key, "1〜100 の数にしてください");
    }
    auto& t = n.transport;
    t.webhook.url = r.string("rxdesk.notify.webhook.url", "");
    t.webhook.auth_header = r.string("rxdesk.notify.webhook.auth_header", "");
    t.webhook.auth_value = r.string("rxdesk.notify.webhook.auth", "");  // RXDESK_NOTIFY_WEBHOOK_AUTH
    t.sms.url = r.string("rxdesk.notify.sms.url", "");
    {
        const std::string format = r.string("rxdesk.notify.sms.format", "json");
        if (format == "json") t.sms.format = notify::SmsBodyFormat::Json;
        else if (format == "form") t.sms.format = notify::SmsBodyFormat::Form;
        else throw SettingsReader::invalid("rxdesk.notify.sms.format", "json か form にしてください");
    }
    t.sms.token_header = r.string("rxdesk.notify.sms.token_header", t.sms.token_header);
    t.sms.token_prefix = r.string("rxdesk.notify.sms.token_prefix", t.sms.token_prefix);
    t.sms.api_token = r.string("rxdesk.notify.sms.token", "");  // RXDESK_NOTIFY_SMS_TOKEN
    t.sms.sender_id = r.string("rxdesk.notify.sms.sender_id", "");
    t.sms.to_field = r.string("rxdesk.notify.sms.to_field", t.sms.to_field);
    t.sms.from_field = r.string("rxdesk.notify.sms.from_field", t.sms.from_field);
    t.sms.text_field = r.string("rxdesk.notify.sms.text_field", t.sms.text_field);
    t.smtp.url = r.string("rxdesk.notify.smtp.url", "");
    t.smtp.username = r.string("rxdesk.notify.smtp.username", "");
    t.smtp.password = r.string("rxdesk.notify.smtp.password", "");  // RXDESK_NOTIFY_SMTP_PASSWORD
    t.smtp.from_address = r.string("rxdesk.notify.smtp.from_address", "");
    t.smtp.from_name = r.string("rxdesk.notify.smtp.from_name", g.pharmacy_name);
    t.smtp.message_id_domain = r.string("rxdesk.notify.smtp.message_id_domain", "");
    t.tls.ca_file = r.string("rxdesk.notify.tls.ca_file", "");
    t.tls.verify_peer = r.boolean("rxdesk.notify.tls.verify_peer", true);
    t.tls.verify_host = r.boolean("rxdesk.notify.tls.verify_host", true);
    t.connect_timeout = std::chrono::milliseconds(
        r.integer("rxdesk.notify.connect_timeout_ms", int(t.connect_timeout.count()), 100, 60000));
    t.total_timeout = std::chrono::milliseconds(
        r.integer("rxdesk.notify.timeout_ms", int(t.total_timeout.count()), 100, 300000));
    t.allow_plaintext = r.boolean("rxdesk.notify.allow_plaintext", false);
    auto& o = s.originals;
    o.deadline_days = r.integer("rxdesk.originals.deadline_days", o.deadline_days, 0, 365);
    o.claim_cutoff_business_day =
        r.integer("rxdesk.originals.claim_cutoff_business_day", o.claim_cutoff_business_day, 0, 20);
    o.pharmacy_name = r.string("rxdesk.originals.pharmacy_name", o.pharmacy_name);
    o.pharmacy_contact = r.string("rxdesk.originals.pharmacy_contact", o.pharmacy_contact);
    o.retention_years = r.integer("rxdesk.retention.years", o.retention_years, 3, 100);
    o.retention_enabled = r.boolean("rxdesk.retention.enabled", o.retention_enabled);
    o.retention_interval_hours =
        r.integer("rxdesk.retention.interval_hours", o.retention_interval_hours, 1, 24 * 7);
    auto& dp = s.dispatch;
    dp.rules_file = r.string("rxdesk.dispatch.rules_file", dp.rules_file);
    dp.pharmacy.name = r.string("rxdesk.dispatch.pharmacy.name", dp.pharmacy.name);
    dp.pharmacy.postcode = r.string("rxdesk.dispatch.pharmacy.postcode", dp.pharmacy.postcode);
    dp.pharmacy.address = r.string("rxdesk.dispatch.pharmacy.address", dp.pharmacy.address);
    dp.pharmacy.phone = r.string("rxdesk.dispatch.pharmacy.phone", dp.pharmacy.phone);
    dp.contact_hours = r.string("rxdesk.dispatch.pharmacy.contact_hours", dp.contact_hours);
    dp.b2.item_name = r.string("rxdesk.dispatch.b2.item_name", dp.b2.item_name);
    dp.b2.billing_customer_code = r.string("rxdesk.dispatch.b2.billing_customer_code", "");
    dp.b2.billing_class_code = r.string("rxdesk.dispatch.b2.billing_class_code", "");
    dp.b2.freight_number = r.string("rxdesk.dispatch.b2.freight_number", "01");
    dp.b2.title_row = r.boolean("rxdesk.dispatch.b2.title_row", dp.b2.title_row);
    dp.receipt_follow_up_hours =
        r.integer("rxdesk.dispatch.receipt_follow_up_hours", dp.receipt_follow_up_hours, 1, 24 * 30);
    dp.validate();
    s.log_level = r.string("rxdesk.log.level", s.log_level);
    static const char* kLevels[] = {"fatal", "critical", "error", "warning", "notice",
                                    "information", "debug", "trace"};
    if (std::find(std::begin(kLevels), std::end(kLevels), s.log_level) == std::end(kLevels))
        throw SettingsReader::invalid("rxdesk.log.level", "error, warning, information, debug などにしてください");
    return s;
}

Settings loadSettingsFile(const std::string& path, const EnvironmentLookup& env) {
    std::string file = path;
    if (file.empty()) {
        if (auto from_env = env("RXDESK_CONFIG")) file = *from_env;
        else if (std::filesystem::exists("etc/rxdesk.properties")) file = "etc/rxdesk.properties";
    }
    if (file.empty()) {
        Poco::AutoPtr<Poco::Util::MapConfiguration> empty(new Poco::Util::MapConfiguration);
        return loadSettings(*empty, env);
    }
    if (!std::filesystem::exists(file))
        throw Error(ErrorKind::BadRequest, "config_not_found", "設定ファイルがありません: " + file);
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config;
    try {
        config = new Poco::Util::PropertyFileConfiguration(file);
    } catch (const Poco::Exception& e) {
        throw Error(ErrorKind::BadRequest, "config_unreadable",
                    "設定ファイルを読めません: " + file + ": " + e.displayText());
    }
    return loadSettings(*config, env);
}

}  // namespace rxdesk::app
