#include "crypto/PasswordHasher.h"

#include <openssl/evp.h>

#include <charconv>

#include "core/Error.h"
#include "crypto/Encoding.h"
#include "crypto/Hashing.h"
#include "crypto/RandomBytes.h"

namespace rxdesk::crypto {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";

std::string derive(std::string_view password, std::string_view salt, int iterations) {
    std::string out(32, '\0');
    if (PKCS5_PBKDF2_HMAC(password.data(), int(password.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()), int(salt.size()),
                          iterations, EVP_sha256(), int(out.size()),
                          reinterpret_cast<unsigned char*>(out.data())) != 1)
        throw Error(ErrorKind::Internal, "crypto_failure", "パスワードの処理に失敗しました");
    return out;
}

}  // namespace

std::string PasswordHasher::hash(std::string_view password) const {
    std::string salt = randomBytes(16);
    return std::string(kScheme) + "$" + std::to_string(iterations_) + "$" + toBase64Url(salt) +
           "$" + toBase64Url(derive(password, salt, iterations_));
}

bool PasswordHasher::verify(std::string_view password, std::string_view stored) const {
    // scheme$iterations$salt$hash
    size_t a = stored.find('$');
    size_t b = a == std::string_view::npos ? a : stored.find('$', a + 1);
    size_t c = b == std::string_view::npos ? b : stored.find('$', b + 1);
    if (c == std::string_view::npos || stored.substr(0, a) != kScheme) return false;
    int iterations = 0;
    auto digits = stored.substr(a + 1, b - a - 1);
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), iterations);
    if (ec != std::errc() || p != digits.data() + digits.size() || iterations < 1 ||
        iterations > 10'000'000)
        return false;
    auto salt = fromBase64Url(stored.substr(b + 1, c - b - 1));
    auto expected = fromBase64Url(stored.substr(c + 1));
    if (!salt || !expected || expected->size() != 32) return false;
    return constantTimeEquals(derive(password, *salt, iterations), *expected);
}

}  // namespace rxdesk::crypto
