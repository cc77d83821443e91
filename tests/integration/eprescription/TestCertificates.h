#pragma once

#include <string>

namespace rxdesk::testing {

/// A self-signed certificate for TLS clients (extendedKeyUsage clientAuth, CA:TRUE so it can
/// be its own trust anchor on the server) and its key, both PEM. The server certificates
/// come from crypto::generateSelfSignedCertificate, which marks them serverAuth only.
struct ClientCertificate {
    std::string certificate_pem;
    std::string private_key_pem;
};

ClientCertificate generateClientCertificate(const std::string& common_name);

}  // namespace rxdesk::testing
