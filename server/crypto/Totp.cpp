#include "crypto/Totp.h"

#include <Poco/URI.h>

#include <cstdio>

#include "crypto/Encoding.h"
#include "crypto/Hashing.h"
#include "crypto/RandomBytes.h"

namespace rxdesk::crypto {

std::string Totp::generateSecret() { return toBase32(randomBytes(20)); }

std::string Totp::codeAt(std::string_view secret_bytes, std::int64_t step) {
    std::string counter(8, '\0');
    for (int i = 7; i >= 0; --i) {
        counter[i] = char(step & 0xFF);
        step >>= 8;
    }
    std::string mac = hmacSha1(secret_bytes, counter);
    int offset = mac.back() & 0x0F;
    std::uint32_t binary = (std::uint32_t(std::uint8_t(mac[offset]) & 0x7F) << 24) |
                           (std::uint32_t(std::uint8_t(mac[offset + 1])) << 16) |
                           (std::uint32_t(std::uint8_t(mac[offset + 2])) << 8) |
                           std::uint32_t(std::uint8_t(mac[offset + 3]));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%06u", unsigned(binary % 1000000));
    return buf;
}

std::optional<std::int64_t> Totp::verify(std::string_view base32_secret, std::string_view code,
                                         std::int64_t unix_seconds, std::int64_t last_used_step,
                                         int window) {
    auto secret = fromBase32(base32_secret);
    if (!secret || secret->empty() || code.size() != kDigits) return std::nullopt;
    std::int64_t now_step = stepOf(unix_seconds);
    for (std::int64_t step = now_step - window; step <= now_step + window; ++step) {
        if (step <= last_used_step) continue;
        if (constantTimeEquals(codeAt(*secret, step), code)) return step;
    }
    return std::nullopt;
}

std::string Totp::provisioningUri(std::string_view issuer, std::string_view account,
                                  std::string_view base32_secret) {
    std::string label, issuer_q;
    Poco::URI::encode(std::string(issuer) + ":" + std::string(account), "?#/&=", label);
    Poco::URI::encode(std::string(issuer), ":?#/&=", issuer_q);
    return "otpauth://totp/" + label + "?secret=" + std::string(base32_secret) +
           "&issuer=" + issuer_q + "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace rxdesk::crypto
