// TOTP secrets are sealed at rest (AES-256-GCM under a key file of the data directory): the
// database alone does not reveal them, an older database is sealed on its first start, and a
// missing key is a clear start-up error.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "app/Services.h"
#include "crypto/SecretBox.h"
#include "integration/foundation/JsonText.h"
#include "store/Backup.h"
#include "support/TestServer.h"

using namespace rxdesk;
using namespace rxdesk::testing;
namespace fs = std::filesystem;

namespace {

std::string storedSecret(const app::Settings& settings, const std::string& login) {
    SQLite::Database raw(settings.databasePath(), SQLite::OPEN_READONLY);
    SQLite::Statement q(raw, "SELECT totp_secret FROM users WHERE login = ?");
    q.bind(1, login);
    return q.executeStep() ? q.getColumn(0).getString() : "";
}

void storeRaw(const app::Settings& settings, const std::string& sql) {
    SQLite::Database raw(settings.databasePath(), SQLite::OPEN_READWRITE);
    raw.exec(sql);
}

unsigned modeOf(const std::string& path) {
    struct stat st {};
    ::stat(path.c_str(), &st);
    return st.st_mode & 0777;
}

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string errorCodeOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.code();
    }
    return "";
}

int loginStatus(TestServer& server, const Staff& staff) {
    return server.client()
        .post("/api/v1/session", jsonOf({{"login", staff.login},
                                         {"password", staff.password},
                                         {"totp", server.freshTotp(staff.totp_secret)}}))
        .status;
}

}  // namespace

TEST(SecretBox, SealsAndOpensOnlyWithTheSameKeyAndAssociatedData) {
    crypto::SecretBox box(std::string(32, 'k'));
    const std::string sealed = box.seal("JBSWY3DPEHPK3PXP", "users.totp_secret:7");
    EXPECT_TRUE(crypto::SecretBox::isSealed(sealed));
    EXPECT_EQ(sealed.find("JBSWY3DPEHPK3PXP"), std::string::npos);
    EXPECT_NE(box.seal("JBSWY3DPEHPK3PXP", "users.totp_secret:7"), sealed) << "fresh nonce";
    EXPECT_EQ(box.open(sealed, "users.totp_secret:7"), "JBSWY3DPEHPK3PXP");
    EXPECT_EQ(box.open(sealed, "users.totp_secret:8"), std::nullopt) << "moved to another row";
    EXPECT_EQ(crypto::SecretBox(std::string(32, 'x')).open(sealed, "users.totp_secret:7"),
              std::nullopt)
        << "another key";
    for (std::size_t i = crypto::SecretBox::kPrefix.size(); i < sealed.size(); ++i) {
        std::string altered = sealed;
        altered[i] = altered[i] == 'A' ? 'B' : 'A';
        EXPECT_EQ(box.open(altered, "users.totp_secret:7"), std::nullopt) << i;
    }
    for (const char* junk :
         {"", "v1:", "v1:AAAA", "JBSWY3DPEHPK3PXP", "v2:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
        EXPECT_EQ(box.open(junk, "users.totp_secret:7"), std::nullopt) << junk;
    EXPECT_EQ(box.open(box.seal("", "a"), "a"), "");
    EXPECT_EQ(errorCodeOf([] { crypto::SecretBox(std::string(31, 'k')); }), "invalid_key");
}

TEST(SecretsAtRest, TotpSecretsAreStoredSealedAndLoginsStillWork) {
    TestServer server;
    const std::string key = server.settings().secretKeyPath();
    ASSERT_TRUE(fs::exists(key)) << "created on first start";
    EXPECT_EQ(modeOf(key), 0600u);
    EXPECT_EQ(fs::file_size(key), 32u);
    Staff staff = server.createStaff("tanaka", auth::Role::Pharmacist);
    const std::string stored = storedSecret(server.settings(), "tanaka");
    EXPECT_EQ(stored.rfind("v1:", 0), 0u) << stored;
    EXPECT_EQ(stored.find(staff.totp_secret), std::string::npos);
    EXPECT_EQ(loginStatus(server, staff), 201);
    // A TOTP reset writes the new secret sealed too.
    auto issued = server.services().accounts().resetTotp(
        "tanaka", auth::Caller{auth::Principal::system("test"), "local"});
    EXPECT_EQ(storedSecret(server.settings(), "tanaka").rfind("v1:", 0), 0u);
    EXPECT_EQ(storedSecret(server.settings(), "tanaka").find(issued.totp_secret),
              std::string::npos);
    staff.totp_secret = issued.totp_secret;
    EXPECT_EQ(loginStatus(server, staff), 201);
    // Nothing in the database file holds a secret in clear.
    const std::string db = fileBytes(server.settings().databasePath());
    EXPECT_EQ(db.find(issued.totp_secret), std::string::npos);
}

TEST(SecretsAtRest, ASealedSecretCopiedToAnotherAccountDoesNotOpenThere) {
    TestServer server;
    Staff a = server.createStaff("sato", auth::Role::Pharmacist);
    Staff b = server.createStaff("ito", auth::Role::Clerk);
    storeRaw(server.settings(),
             "UPDATE users SET totp_secret = (SELECT totp_secret FROM users "
             "WHERE login = 'sato') WHERE login = 'ito'");
    // With sato's secret under ito's row, neither sato's code nor anything else logs ito in.
    b.totp_secret = a.totp_secret;
    int status = loginStatus(server, b);
    EXPECT_TRUE(status == 401 || status == 503) << status;
    EXPECT_EQ(errorCodeOf([&] {
                  server.services().database().read(
                      [&] { server.services().users().findByLogin("ito"); });
              }),
              "totp_secret_unreadable");
    EXPECT_EQ(loginStatus(server, a), 201) << "the other account is unaffected";
}

TEST(SecretsAtRest, AnOlderDatabaseWithClearSecretsIsSealedOnItsFirstStart) {
    TempDir dir;
    TestServerOptions options;
    options.data_dir = dir.path() + "/data";
    Staff staff;
    app::Settings settings;
    {
        TestServer first(options);
        staff = first.createStaff("kato", auth::Role::Pharmacist);
        settings = first.settings();
    }
    // What a database written before encryption holds: the Base32 secret itself, no key file.
    storeRaw(settings, "UPDATE users SET totp_secret = '" + staff.totp_secret + "'");
    fs::remove(settings.secretKeyPath());
    ASSERT_EQ(storedSecret(settings, "kato"), staff.totp_secret);

    TestServer second(options);
    EXPECT_TRUE(fs::exists(settings.secretKeyPath()));
    EXPECT_EQ(modeOf(settings.secretKeyPath()), 0600u);
    const std::string stored = storedSecret(settings, "kato");
    EXPECT_EQ(stored.rfind("v1:", 0), 0u) << "sealed on start";
    EXPECT_EQ(stored.find(staff.totp_secret), std::string::npos);
    EXPECT_EQ(loginStatus(second, staff), 201) << "the authenticator app keeps working";
    SQLite::Database raw(settings.databasePath(), SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("SELECT COUNT(*) FROM audit_log WHERE action = 'totp.seal'").getInt(),
              1);
}

TEST(SecretsAtRest, AMissingOrExposedKeyIsAClearStartUpError) {
    TempDir dir;
    TestServerOptions options;
    options.data_dir = dir.path() + "/data";
    app::Settings settings;
    {
        TestServer first(options);
        first.createStaff("kimura", auth::Role::Admin);
        settings = first.settings();
    }
    const std::string key = fileBytes(settings.secretKeyPath());
    ManualClock clock;
    fs::remove(settings.secretKeyPath());
    try {
        app::Services services(settings, clock);
        ADD_FAILURE() << "started without the key";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), "secret_key_missing");
        EXPECT_NE(std::string(e.what()).find(settings.secretKeyPath()), std::string::npos)
            << "the message names the file";
    }
    EXPECT_FALSE(fs::exists(settings.secretKeyPath())) << "no new key replaces the lost one";

    // Restored, but readable by others: refused until chmod 600.
    { std::ofstream(settings.secretKeyPath(), std::ios::binary) << key; }
    fs::permissions(settings.secretKeyPath(), fs::perms(0644), fs::perm_options::replace);
    EXPECT_EQ(errorCodeOf([&] { app::Services services(settings, clock); }), "invalid_secret_key");
    fs::permissions(settings.secretKeyPath(), fs::perms(0600), fs::perm_options::replace);
    {
        app::Services services(settings, clock);
        std::optional<auth::User> user;
        services.database().read([&] { user = services.users().findByLogin("kimura"); });
        ASSERT_TRUE(user);
        EXPECT_FALSE(user->totp_secret.empty());
    }
    // Another key (a wrong file restored) does not open the secrets: refused at login.
    {
        std::ofstream(settings.secretKeyPath(), std::ios::binary | std::ios::trunc)
            << std::string(32, 'z');
    }
    app::Services services(settings, clock);
    EXPECT_EQ(errorCodeOf([&] {
                  services.database().read([&] { services.users().findByLogin("kimura"); });
              }),
              "totp_secret_unreadable");
}

TEST(SecretsAtRest, ABackupCarriesTheKeyAndIsServableFromItsDirectory) {
    TestServer server;
    Staff staff = server.createStaff("hayashi", auth::Role::Admin);
    TempDir dest;
    auto report = store::backupDataDir(server.services().database(), server.services().blobs(),
                                       server.services().fileSystem(), dest.path() + "/b");
    ASSERT_EQ(report.secret_key_path, dest.path() + "/b/secrets.key");
    EXPECT_EQ(modeOf(report.secret_key_path), 0600u);
    EXPECT_EQ(fileBytes(report.secret_key_path), fileBytes(server.settings().secretKeyPath()));
    app::Settings restored = server.settings();
    restored.data_dir = dest.path() + "/b";
    ManualClock clock;
    app::Services copy(restored, clock);
    std::optional<auth::User> user;
    copy.database().read([&] { user = copy.users().findByLogin("hayashi"); });
    ASSERT_TRUE(user);
    EXPECT_EQ(user->totp_secret, staff.totp_secret);
}
