#pragma once

#include <optional>
#include <string>

#include "app/Settings.h"
#include "auth/AccountService.h"
#include "core/Clock.h"

namespace rxdesk::app {

/// What `rxdesk init` did.
struct InitReport {
    int schema_version = 0;
    bool certificate_generated = false;
    std::string certificate_fingerprint;           ///< SHA-256 of the DER certificate, hex
    bool secret_key_generated = false;             ///< Settings::secretKeyPath was created now
    std::optional<auth::IssuedCredentials> admin;  ///< set only when the admin was created now
};

/// Makes a data directory ready to serve, idempotently: creates it, applies migrations,
/// creates the key that seals secrets at rest (Settings::secretKeyPath, 0600, see
/// app/SecretKeyFile.h) if there is none, generates a self-signed TLS certificate if none
/// is configured or present, and creates
/// the first admin account (login "admin") if there is no active admin yet.
InitReport initializeDataDir(const Settings& settings, const Clock& clock);

}  // namespace rxdesk::app
