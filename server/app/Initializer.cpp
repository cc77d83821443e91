#include "app/Initializer.h"

#include <Poco/Crypto/X509Certificate.h>

#include <filesystem>
#include <sstream>

#include "app/Services.h"
#include "crypto/Encoding.h"
#include "crypto/SelfSignedCertificate.h"
#include "store/Migrator.h"

namespace rxdesk::app {
namespace {

std::string fingerprintOf(const std::string& certificate_path) {
    try {
        Poco::Crypto::X509Certificate cert(certificate_path);
        auto digest = cert.fingerprint("SHA256");
        return crypto::toHex(std::string(digest.begin(), digest.end()));
    } catch (const Poco::Exception&) {
        return "";
    }
}

}  // namespace

InitReport initializeDataDir(const Settings& settings, const Clock& clock) {
    namespace fs = std::filesystem;
    InitReport report;
    const bool had_key = fs::exists(settings.secretKeyPath());
    Services services(settings, clock);  // opens or creates the secret key
    report.schema_version = store::Migrator::currentVersion(services.database());
    report.secret_key_generated = !had_key && fs::exists(settings.secretKeyPath());

    if (!fs::exists(settings.tls_certificate) || !fs::exists(settings.tls_private_key)) {
        auto generated =
            crypto::generateSelfSignedCertificate("localhost", {"localhost", "127.0.0.1", "::1"});
        services.fileSystem().writeAtomically(settings.tls_private_key, generated.private_key_pem);
        fs::permissions(settings.tls_private_key, fs::perms::owner_read | fs::perms::owner_write,
                        fs::perm_options::replace);
        services.fileSystem().writeAtomically(settings.tls_certificate, generated.certificate_pem);
        report.certificate_generated = true;
    }
    report.certificate_fingerprint = fingerprintOf(settings.tls_certificate);

    bool has_admin = false;
    services.database().read([&] { has_admin = services.users().anyAdmin(); });
    if (!has_admin)
        report.admin =
            services.accounts().addUser("admin", "管理者", auth::Role::Admin,
                                        auth::Caller{auth::Principal::system("cli"), "local"});
    return report;
}

}  // namespace rxdesk::app
