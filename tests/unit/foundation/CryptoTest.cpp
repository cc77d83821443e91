#include <gtest/gtest.h>

#include "crypto/Encoding.h"
#include "crypto/Hashing.h"
#include "crypto/PasswordHasher.h"
#include "crypto/Totp.h"

using namespace rxdesk::crypto;

namespace {
std::string fromHex(const std::string& hex) {
    std::string out;
    for (size_t i = 0; i < hex.size(); i += 2) out += char(std::stoi(hex.substr(i, 2), nullptr, 16));
    return out;
}
}  // namespace

TEST(Totp, MatchesRfc6238Sha1Vectors) {
    // RFC 6238 appendix B (SHA-1 seed), truncated to the 6 digits authenticator apps use.
    const std::string seed = "12345678901234567890";
    struct Case {
        std::int64_t time;
        const char* code;
    } cases[] = {{59, "287082"},         {1111111109, "081804"}, {1111111111, "050471"},
                 {1234567890, "005924"}, {2000000000, "279037"}, {20000000000, "353130"}};
    for (const auto& c : cases) EXPECT_EQ(Totp::codeAt(seed, Totp::stepOf(c.time)), c.code) << c.time;
}

TEST(Totp, AcceptsAdjacentStepAndRejectsReplayAndStaleCodes) {
    const std::string secret = toBase32("12345678901234567890");
    const std::int64_t now = 1111111111;
    std::string current = Totp::codeAt("12345678901234567890", Totp::stepOf(now));
    std::string previous = Totp::codeAt("12345678901234567890", Totp::stepOf(now) - 1);
    std::string old = Totp::codeAt("12345678901234567890", Totp::stepOf(now) - 3);
    EXPECT_EQ(Totp::verify(secret, current, now, 0), Totp::stepOf(now));
    EXPECT_EQ(Totp::verify(secret, previous, now, 0), Totp::stepOf(now) - 1);
    EXPECT_FALSE(Totp::verify(secret, old, now, 0));
    EXPECT_FALSE(Totp::verify(secret, current, now, Totp::stepOf(now))) << "replay";
    EXPECT_FALSE(Totp::verify(secret, "12345", now, 0));
    EXPECT_FALSE(Totp::verify("not base32!", current, now, 0));
}

TEST(Totp, ProvisioningUriCarriesSecretAndIssuer) {
    auto uri = Totp::provisioningUri("rxdesk", "admin", "ABCDEF");
    EXPECT_EQ(uri, "otpauth://totp/rxdesk:admin?secret=ABCDEF&issuer=rxdesk&algorithm=SHA1&digits=6&period=30");
}

TEST(Encoding, Base32RoundTripsRfc4648Vectors) {
    struct Case {
        const char* raw;
        const char* encoded;
    } cases[] = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"},
                 {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
    for (const auto& c : cases) {
        EXPECT_EQ(toBase32(c.raw), c.encoded);
        EXPECT_EQ(fromBase32(c.encoded), c.raw);
    }
    EXPECT_EQ(fromBase32("mzxw6ytboi======"), "foobar");
    EXPECT_FALSE(fromBase32("MZ1"));
}

TEST(Encoding, Base64UrlRoundTripsAndRejectsForeignCharacters) {
    for (std::string s : {"", "a", "ab", "abc", "\xff\xfe\xfd\x00z"}) EXPECT_EQ(fromBase64Url(toBase64Url(s)), s);
    EXPECT_EQ(toBase64Url("\xfb\xff"), "-_8");
    EXPECT_FALSE(fromBase64Url("ab*"));
}

TEST(Hashing, Sha256MatchesKnownDigest) {
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(PasswordHasher, VerifiesPbkdf2Sha256Vector) {
    // PBKDF2-HMAC-SHA256("password", "salt", 1 iteration, 32 bytes).
    std::string stored = "pbkdf2-sha256$1$" + toBase64Url("salt") + "$" +
                         toBase64Url(fromHex("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"));
    PasswordHasher hasher;
    EXPECT_TRUE(hasher.verify("password", stored));
    EXPECT_FALSE(hasher.verify("Password", stored));
}

TEST(PasswordHasher, SaltsEveryHashAndRejectsMalformedStoredValues) {
    PasswordHasher hasher(1000);
    std::string a = hasher.hash("correct horse");
    std::string b = hasher.hash("correct horse");
    EXPECT_NE(a, b);
    EXPECT_TRUE(hasher.verify("correct horse", a));
    EXPECT_TRUE(hasher.verify("correct horse", b));
    for (std::string bad : {"", "pbkdf2-sha256$", "md5$1$AA$AA", "pbkdf2-sha256$x$AA$AA",
                            "pbkdf2-sha256$0$AA$AA", "pbkdf2-sha256$1000$AA$short"})
        EXPECT_FALSE(hasher.verify("correct horse", bad)) << bad;
}
