#include "EPrescriptionFixture.h"
#include "TestCertificates.h"
#include "crypto/SelfSignedCertificate.h"

namespace rxdesk::testing {
namespace {

/// The simulator over HTTPS with a fresh self-signed server certificate, optionally
/// requiring a client certificate.
class EPrescriptionTlsTest : public EPrescriptionTest {
protected:
    void SetUp() override {}

    void startTls(bool require_client_certificate) {
        eprescription_sim::SimulatorOptions options;
        options.certificate_file = server_cert_.path();
        options.private_key_file = server_key_.path();
        if (require_client_certificate) options.client_ca_file = client_cert_.path();
        startSimulator(options);
    }

    eprescription::ClientSettings tlsSettings(bool with_client_certificate) const {
        eprescription::ClientSettings s = settings();
        s.ca_file = server_cert_.path();
        if (with_client_certificate) {
            s.client_certificate = client_cert_.path();
            s.client_private_key = client_key_.path();
        }
        return s;
    }

    crypto::CertificateAndKey server_ =
        crypto::generateSelfSignedCertificate("eps-sim", {"127.0.0.1", "localhost"}, 1);
    ClientCertificate client_ = generateClientCertificate("rxdesk-pharmacy-test");
    TempFile server_cert_{server_.certificate_pem};
    TempFile server_key_{server_.private_key_pem};
    TempFile client_cert_{client_.certificate_pem};
    TempFile client_key_{client_.private_key_pem};
};

TEST_F(EPrescriptionTlsTest, RetrievesOverMutualTls) {
    startTls(true);
    ASSERT_EQ(simulator_->baseUrl().substr(0, 8), "https://");
    auto retrieved = client(tlsSettings(true)).retrieve(validRequest());
    EXPECT_EQ(retrieved.prescription, seededPrescription());
}

TEST_F(EPrescriptionTlsTest, ServerRefusesAClientWithoutCertificate) {
    startTls(true);
    auto s = tlsSettings(false);
    s.max_attempts = 1;
    Error e = errorOf([&] { client(s).retrieve(validRequest()); });
    EXPECT_EQ(e.code(), "upstream_unavailable");
    EXPECT_EQ(requests(), 0);
}

TEST_F(EPrescriptionTlsTest, UntrustedServerCertificateFailsWithoutRetrying) {
    startTls(false);
    auto s = tlsSettings(false);
    auto other = crypto::generateSelfSignedCertificate("someone-else", {"127.0.0.1"}, 1);
    TempFile other_ca(other.certificate_pem);
    s.ca_file = other_ca.path();

    Error e = errorOf([&] { client(s).retrieve(validRequest()); });

    EXPECT_EQ(e.code(), "upstream_unavailable");
    EXPECT_TRUE(sleeper_.delays().empty());
    EXPECT_EQ(requests(), 0);
}

}  // namespace
}  // namespace rxdesk::testing
