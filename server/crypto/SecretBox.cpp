#include "crypto/SecretBox.h"

#include <openssl/evp.h>

#include <memory>

#include "core/Error.h"
#include "crypto/Encoding.h"
#include "crypto/RandomBytes.h"

namespace rxdesk::crypto {
namespace {

constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

CipherContext newContext() {
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (!ctx) throw Error(ErrorKind::Internal, "crypto_failed", "暗号処理に失敗しました");
    return ctx;
}

const unsigned char* bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

SecretBox::SecretBox(std::string key) : key_(std::move(key)) {
    if (key_.size() != kKeyBytes)
        throw Error(ErrorKind::Internal, "invalid_key", "暗号鍵の長さが正しくありません");
}

bool SecretBox::isSealed(std::string_view value) {
    return value.substr(0, kPrefix.size()) == kPrefix;
}

std::string SecretBox::seal(std::string_view plaintext, std::string_view associated_data) const {
    const std::string nonce = randomBytes(kNonceBytes);
    std::string out = nonce;
    out.resize(kNonceBytes + plaintext.size() + kTagBytes);
    auto* cipher = reinterpret_cast<unsigned char*>(out.data()) + kNonceBytes;
    CipherContext ctx = newContext();
    int len = 0, total = 0;
    bool ok =
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key_), bytes(nonce)) == 1 &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(associated_data),
                          int(associated_data.size())) == 1 &&
        EVP_EncryptUpdate(ctx.get(), cipher, &len, bytes(plaintext), int(plaintext.size())) == 1;
    total = len;
    ok = ok && EVP_EncryptFinal_ex(ctx.get(), cipher + total, &len) == 1;
    total += len;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, cipher + total) == 1;
    if (!ok || std::size_t(total) != plaintext.size())
        throw Error(ErrorKind::Internal, "crypto_failed", "暗号処理に失敗しました");
    return std::string(kPrefix) + toBase64Url(out);
}

std::optional<std::string> SecretBox::open(std::string_view sealed,
                                           std::string_view associated_data) const {
    if (!isSealed(sealed)) return std::nullopt;
    auto raw = fromBase64Url(sealed.substr(kPrefix.size()));
    if (!raw || raw->size() < std::size_t(kNonceBytes + kTagBytes)) return std::nullopt;
    const std::string_view all(*raw);
    const std::string_view nonce = all.substr(0, kNonceBytes);
    const std::string_view cipher = all.substr(kNonceBytes, all.size() - kNonceBytes - kTagBytes);
    std::string tag(all.substr(all.size() - kTagBytes));
    std::string plain(cipher.size(), '\0');
    CipherContext ctx = newContext();
    int len = 0, total = 0;
    bool ok =
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key_), bytes(nonce)) == 1 &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(associated_data),
                          int(associated_data.size())) == 1 &&
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &len,
                          bytes(cipher), int(cipher.size())) == 1;
    total = len;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) == 1;
    // The tag is checked here: any change to nonce, ciphertext, tag or associated data fails.
    ok = ok && EVP_DecryptFinal_ex(
                   ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + total, &len) == 1;
    if (!ok) return std::nullopt;
    plain.resize(std::size_t(total + len));
    return plain;
}

}  // namespace rxdesk::crypto
