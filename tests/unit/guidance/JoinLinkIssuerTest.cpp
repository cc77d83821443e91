#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>

#include "GuidanceTestSupport.h"
#include "core/Error.h"
#include "guidance/RoomName.h"
#include "guidance_links/JoinLinkIssuer.h"

namespace rxdesk::guidance {
namespace {

using test::at;
using namespace std::chrono_literals;

const std::string kJwtSecret = "jitsi-app-secret-0123456789abcdef0123";
const std::string kRoomSecret = "room-secret-0123456789abcdef0123456789";

// --- an independent JWT reader: base64url + OpenSSL, no Poco::JWT -----------------------

std::string base64UrlDecode(std::string_view in) {
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '-') return 62;
        if (c == '_') return 63;
        return -1;
    };
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : in) {
        int v = value(c);
        EXPECT_GE(v, 0) << "not base64url: " << c;
        if (v < 0) return {};
        buffer = (buffer << 6) | unsigned(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += char((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

struct JwtParts {
    std::string header_b64, payload_b64, signature_b64;
    std::string signing_input() const { return header_b64 + "." + payload_b64; }
};

JwtParts split(const std::string& jwt) {
    auto d1 = jwt.find('.');
    auto d2 = jwt.find('.', d1 + 1);
    EXPECT_NE(d1, std::string::npos);
    EXPECT_NE(d2, std::string::npos);
    EXPECT_EQ(jwt.find('.', d2 + 1), std::string::npos);
    return {jwt.substr(0, d1), jwt.substr(d1 + 1, d2 - d1 - 1), jwt.substr(d2 + 1)};
}

bool hs256Valid(const std::string& jwt, const std::string& secret) {
    JwtParts p = split(jwt);
    const std::string input = p.signing_input();
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), secret.data(), int(secret.size()),
         reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &len);
    return base64UrlDecode(p.signature_b64) == std::string(reinterpret_cast<char*>(mac), len);
}

using PKeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

bool rs256Valid(const std::string& jwt, EVP_PKEY* public_key) {
    JwtParts p = split(jwt);
    const std::string input = p.signing_input();
    const std::string sig = base64UrlDecode(p.signature_b64);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, public_key) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.data()),
                            sig.size(), reinterpret_cast<const unsigned char*>(input.data()),
                            input.size()) == 1;
}

Poco::JSON::Object::Ptr json(const std::string& b64) {
    Poco::JSON::Parser parser;
    return parser.parse(base64UrlDecode(b64)).extract<Poco::JSON::Object::Ptr>();
}

// --- fixtures ---------------------------------------------------------------------------

JoinLinkSettings hsSettings() {
    JoinLinkSettings s;
    s.video_domain = "meet.pharmacy.example.jp";
    s.issuer = "rxdesk";
    s.audience = "jitsi";
    s.algorithm = JwtAlgorithm::HS256;
    s.hmac_secret = kJwtSecret;
    s.room_secret = kRoomSecret;
    s.open_before = 15min;
    s.close_after = 30min;
    return s;
}

JoinRequest pharmacistRequest() {
    JoinRequest r;
    r.appointment_id = "ap-42";
    r.appointment = {at("2026-11-24T10:00:00+09:00"), at("2026-11-24T10:10:00+09:00")};
    r.role = ParticipantRole::Pharmacist;
    r.display_name = "薬剤師 佐藤";
    r.user_id = "ph-1";
    return r;
}

const TimePoint kNow = at("2026-11-24T09:00:00+09:00");

TEST(JoinLinkIssuer, Hs256TokenVerifiesWithOpenSslAndCarriesJitsiClaims) {
    JoinLinkIssuer issuer(hsSettings());
    const JoinLink link = issuer.issue(pharmacistRequest(), kNow);

    EXPECT_TRUE(hs256Valid(link.token, kJwtSecret));
    EXPECT_FALSE(hs256Valid(link.token, kJwtSecret + "x"));

    JwtParts parts = split(link.token);
    auto header = json(parts.header_b64);
    EXPECT_EQ(header->getValue<std::string>("alg"), "HS256");
    EXPECT_EQ(header->getValue<std::string>("typ"), "JWT");
    EXPECT_FALSE(header->has("kid"));

    auto payload = json(parts.payload_b64);
    EXPECT_EQ(payload->getValue<std::string>("iss"), "rxdesk");
    EXPECT_EQ(payload->getValue<std::string>("aud"), "jitsi");
    EXPECT_EQ(payload->getValue<std::string>("sub"), "meet.pharmacy.example.jp");
    EXPECT_EQ(payload->getValue<std::string>("room"), roomName("ap-42", kRoomSecret));
    EXPECT_EQ(payload->getValue<std::string>("room"), link.room);
    auto user = payload->getObject("context")->getObject("user");
    ASSERT_TRUE(user);
    EXPECT_EQ(user->getValue<std::string>("name"), "薬剤師 佐藤");
    EXPECT_EQ(user->getValue<std::string>("id"), "ph-1");
    EXPECT_TRUE(user->get("moderator").isBoolean());
    EXPECT_TRUE(user->getValue<bool>("moderator"));
}

TEST(JoinLinkIssuer, TokenIsValidOnlyAroundTheAppointment) {
    JoinLinkIssuer issuer(hsSettings());
    const JoinLink link = issuer.issue(pharmacistRequest(), kNow);
    auto payload = json(split(link.token).payload_b64);
    // Integers, not fractions: 10:00 JST − 15 min and 10:10 JST + 30 min.
    EXPECT_TRUE(payload->get("nbf").isInteger());
    EXPECT_TRUE(payload->get("exp").isInteger());
    EXPECT_EQ(payload->getValue<Poco::Int64>("nbf"), unixSeconds(at("2026-11-24T09:45:00+09:00")));
    EXPECT_EQ(payload->getValue<Poco::Int64>("exp"), unixSeconds(at("2026-11-24T10:40:00+09:00")));
    EXPECT_EQ(payload->getValue<Poco::Int64>("iat"), unixSeconds(kNow));
    EXPECT_EQ(link.not_before, at("2026-11-24T09:45:00+09:00"));
    EXPECT_EQ(link.expires_at, at("2026-11-24T10:40:00+09:00"));

    auto settings = hsSettings();
    settings.open_before = 5min;
    settings.close_after = 0min;
    auto tight =
        json(split(JoinLinkIssuer(settings).issue(pharmacistRequest(), kNow).token).payload_b64);
    EXPECT_EQ(tight->getValue<Poco::Int64>("nbf"), unixSeconds(at("2026-11-24T09:55:00+09:00")));
    EXPECT_EQ(tight->getValue<Poco::Int64>("exp"), unixSeconds(at("2026-11-24T10:10:00+09:00")));
}

TEST(JoinLinkIssuer, PatientIsNotAModeratorAndSharesThePharmacistsRoom) {
    JoinLinkIssuer issuer(hsSettings());
    JoinRequest patient = pharmacistRequest();
    patient.role = ParticipantRole::Patient;
    patient.display_name = "Y.T. 様";
    patient.user_id.clear();
    const JoinLink p = issuer.issue(patient, kNow);
    const JoinLink ph = issuer.issue(pharmacistRequest(), kNow);
    EXPECT_EQ(p.room, ph.room);
    EXPECT_NE(p.token, ph.token);
    auto user = json(split(p.token).payload_b64)->getObject("context")->getObject("user");
    EXPECT_FALSE(user->getValue<bool>("moderator"));
    EXPECT_FALSE(user->has("id"));
    EXPECT_EQ(user->getValue<std::string>("name"), "Y.T. 様");
}

TEST(JoinLinkIssuer, UrlIsDomainRoomAndToken) {
    JoinLinkIssuer issuer(hsSettings());
    const JoinLink link = issuer.issue(pharmacistRequest(), kNow);
    EXPECT_EQ(link.url, "https://meet.pharmacy.example.jp/" + roomName("ap-42", kRoomSecret) +
                            "?jwt=" + link.token);
    for (char c : link.token)
        EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')
            << "token needs URL escaping: " << c;
    // A different appointment gets a different room.
    JoinRequest other = pharmacistRequest();
    other.appointment_id = "ap-43";
    EXPECT_NE(issuer.issue(other, kNow).room, link.room);
}

TEST(JoinLinkIssuer, Rs256TokenVerifiesWithThePublicKeyAndCarriesKid) {
    PKeyPtr key(EVP_RSA_gen(2048), EVP_PKEY_free);
    ASSERT_TRUE(key);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    ASSERT_EQ(PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr),
              1);
    char* data = nullptr;
    long len = BIO_get_mem_data(bio.get(), &data);

    auto settings = hsSettings();
    settings.algorithm = JwtAlgorithm::RS256;
    settings.hmac_secret.clear();
    settings.rsa_private_key_pem.assign(data, std::size_t(len));
    settings.key_id = "rxdesk/2026-11";
    JoinLinkIssuer issuer(settings);
    const JoinLink link = issuer.issue(pharmacistRequest(), kNow);

    EXPECT_TRUE(rs256Valid(link.token, key.get()));
    PKeyPtr other(EVP_RSA_gen(2048), EVP_PKEY_free);
    EXPECT_FALSE(rs256Valid(link.token, other.get()));

    auto header = json(split(link.token).header_b64);
    EXPECT_EQ(header->getValue<std::string>("alg"), "RS256");
    EXPECT_EQ(header->getValue<std::string>("kid"), "rxdesk/2026-11");
    EXPECT_EQ(json(split(link.token).payload_b64)->getValue<std::string>("room"), link.room);
}

TEST(JoinLinkIssuer, RefusesLinksAfterTheWindowClosed) {
    JoinLinkIssuer issuer(hsSettings());
    // Before the window opens a link can be issued (it is sent with the reminder).
    EXPECT_NO_THROW(issuer.issue(pharmacistRequest(), at("2026-11-20T09:00:00+09:00")));
    EXPECT_NO_THROW(issuer.issue(pharmacistRequest(), at("2026-11-24T10:39:59+09:00")));
    try {
        issuer.issue(pharmacistRequest(), at("2026-11-24T10:40:00+09:00"));
        FAIL() << "expected join_window_closed";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::RuleViolation);
        EXPECT_EQ(e.code(), "join_window_closed");
    }
}

TEST(JoinLinkIssuer, RefusesBadRequests) {
    JoinLinkIssuer issuer(hsSettings());
    JoinRequest no_id = pharmacistRequest();
    no_id.appointment_id.clear();
    JoinRequest reversed = pharmacistRequest();
    std::swap(reversed.appointment.start, reversed.appointment.end);
    struct Case {
        JoinRequest request;
        const char* code;
    } cases[] = {{no_id, "missing_appointment_id"}, {reversed, "invalid_appointment_time"}};
    for (const auto& c : cases) {
        try {
            issuer.issue(c.request, kNow);
            ADD_FAILURE() << "expected " << c.code;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadRequest);
            EXPECT_EQ(e.code(), c.code);
        }
    }
}

TEST(JoinLinkIssuer, ValidatesSettingsAtConstruction) {
    struct Case {
        const char* field;
        void (*mutate)(JoinLinkSettings&);
    } cases[] = {
        {"video_domain", [](JoinLinkSettings& s) { s.video_domain.clear(); }},
        {"video_domain", [](JoinLinkSettings& s) { s.video_domain = "evil.example/x?"; }},
        {"video_domain", [](JoinLinkSettings& s) { s.video_domain = "https://meet.example.jp"; }},
        {"issuer", [](JoinLinkSettings& s) { s.issuer.clear(); }},
        {"audience", [](JoinLinkSettings& s) { s.audience.clear(); }},
        {"hmac_secret", [](JoinLinkSettings& s) { s.hmac_secret = "short"; }},
        {"room_secret", [](JoinLinkSettings& s) { s.room_secret = "short"; }},
        {"open_before", [](JoinLinkSettings& s) { s.open_before = -1min; }},
        {"close_after", [](JoinLinkSettings& s) { s.close_after = -1min; }},
        {"rsa_private_key_pem",
         [](JoinLinkSettings& s) {
             s.algorithm = JwtAlgorithm::RS256;
             s.rsa_private_key_pem =
                 "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n";
         }},
    };
    for (const auto& c : cases) {
        auto settings = hsSettings();
        c.mutate(settings);
        try {
            JoinLinkIssuer issuer(settings);
            ADD_FAILURE() << "accepted bad " << c.field;
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), "invalid_join_link_settings") << c.field;
            EXPECT_EQ(e.field(), c.field);
        }
    }
    auto with_port = hsSettings();
    with_port.video_domain = "meet.example.jp:8443";
    EXPECT_NO_THROW(JoinLinkIssuer{with_port});
}

}  // namespace
}  // namespace rxdesk::guidance
