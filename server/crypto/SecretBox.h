#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rxdesk::crypto {

/// Authenticated encryption of small secrets at rest (AES-256-GCM, OpenSSL) under one
/// 32-byte key. A sealed value is text: "v1:" + Base64url(12-byte random nonce ‖ ciphertext ‖
/// 16-byte tag). The associated data (e.g. the owning row's id) is authenticated, not stored:
/// a sealed value copied to another row does not open there.
class SecretBox {
public:
    static constexpr std::size_t kKeyBytes = 32;
    static constexpr std::string_view kPrefix = "v1:";

    /// Throws Error(Internal, "invalid_key") unless `key` is exactly kKeyBytes bytes.
    explicit SecretBox(std::string key);

    /// Encrypts `plaintext` bound to `associated_data`; a fresh nonce every call.
    std::string seal(std::string_view plaintext, std::string_view associated_data) const;

    /// The plaintext, or nullopt when `sealed` is malformed, was sealed under another key or
    /// other associated data, or was altered.
    std::optional<std::string> open(std::string_view sealed,
                                    std::string_view associated_data) const;

    /// True when `value` has the sealed form's prefix (it may still fail to open).
    static bool isSealed(std::string_view value);

private:
    std::string key_;
};

}  // namespace rxdesk::crypto
