#pragma once

#include <string>
#include <vector>

namespace rxdesk::crypto {

/// A freshly generated ECDSA P-256 key and a self-signed X.509 v3 certificate for it.
struct CertificateAndKey {
    std::string certificate_pem;
    std::string private_key_pem;
};

/// Generates a server certificate for `hosts` (DNS names or IP addresses, put in the
/// subjectAltName), valid for `days`. Throws rxdesk::Error on OpenSSL failure.
CertificateAndKey generateSelfSignedCertificate(const std::string& common_name,
                                                const std::vector<std::string>& hosts,
                                                int days = 825);

}  // namespace rxdesk::crypto
