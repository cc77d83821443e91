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
