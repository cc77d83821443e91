#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>
#include <gtest/gtest.h>

#include <map>

#include "app/SettingsLoader.h"
#include "core/Error.h"

using namespace rxdesk;
using namespace rxdesk::app;

namespace {

struct Fixture {
    Poco::AutoPtr<Poco::Util::MapConfiguration> config{new Poco::Util::MapConfiguration};
    std::map<std::string, std::string> env;

    Settings load() {
        return loadSettings(*config, [this](const std::string& name) -> std::optional<std::string> {
            auto it = env.find(name);
            if (it == env.end()) return std::nullopt;
            return it->second;
        });
    }

    std::string errorField() {
        try {
            load();
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), "invalid_setting");
            return e.field();
        }
        return "";
    }
};

}  // namespace

TEST(SettingsLoader, DefaultsAreSafe) {
    Fixture f;
    Settings s = f.load();
    EXPECT_EQ(s.data_dir, "var");
    EXPECT_EQ(s.https_port, 8443);
    EXPECT_FALSE(s.http_enabled);
    EXPECT_EQ(s.tls_certificate, "var/tls/server.crt");
    EXPECT_EQ(s.durability, store::Durability::Full);
    EXPECT_EQ(s.auth.idle_timeout_seconds, 30 * 60);
}

TEST(SettingsLoader, EnvironmentOverridesTheFile) {
    Fixture f;
    f.config->setString("rxdesk.data_dir", "/srv/rx");
    f.config->setString("rxdesk.https.port", "9443");
    f.env["RXDESK_HTTPS_PORT"] = "10443";
    f.env["RXDESK_SESSION_IDLE_TIMEOUT_MINUTES"] = "5";
    Settings s = f.load();
    EXPECT_EQ(s.data_dir, "/srv/rx");
    EXPECT_EQ(s.tls_private_key, "/srv/rx/tls/server.key");
    EXPECT_EQ(s.https_port, 10443);
    EXPECT_EQ(s.auth.idle_timeout_seconds, 300);
}

TEST(SettingsLoader, RejectsInvalidValuesNamingTheKey) {
    struct Case {
        const char* key;
        const char* value;
    } cases[] = {{"rxdesk.https.port", "70000"},        {"rxdesk.https.port", "abc"},
                 {"rxdesk.http.enabled", "maybe"},      {"rxdesk.store.durability", "fast"},
                 {"rxdesk.server.threads", "0"},        {"rxdesk.log.level", "loud"},
                 {"rxdesk.password.min_length", "4"},   {"rxdesk.data_dir", ""}};
    for (const auto& c : cases) {
        Fixture f;
        f.config->setString(c.key, c.value);
        EXPECT_EQ(f.errorField(), c.key) << c.value;
    }
}
