#include "crypto/Hashing.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "core/Error.h"
#include "crypto/Encoding.h"

namespace rxdesk::crypto {
namespace {

std::string hmac(const EVP_MD* md, std::string_view key, std::string_view data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!HMAC(md, key.data(), int(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
              data.size(), out, &len))
        throw Error(ErrorKind::Internal, "crypto_failure", "HMAC の計算に失敗しました");
    return std::string(reinterpret_cast<char*>(out), len);
}

}  // namespace

std::string sha256(std::string_view data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!EVP_Digest(data.data(), data.size(), out, &len, EVP_sha256(), nullptr))
        throw Error(ErrorKind::Internal, "crypto_failure", "SHA-256 の計算に失敗しました");
    return std::string(reinterpret_cast<char*>(out), len);
}

std::string sha256Hex(std::string_view data) { return toHex(sha256(data)); }

std::string hmacSha1(std::string_view key, std::string_view data) {
    return hmac(EVP_sha1(), key, data);
}

std::string hmacSha256(std::string_view key, std::string_view data) {
    return hmac(EVP_sha256(), key, data);
}

bool constantTimeEquals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace rxdesk::crypto
