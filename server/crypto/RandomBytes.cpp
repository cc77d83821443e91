#include "crypto/RandomBytes.h"

#include <openssl/rand.h>

#include "core/Error.h"
#include "crypto/Encoding.h"

namespace rxdesk::crypto {

std::string randomBytes(std::size_t n) {
    std::string out(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), int(n)) != 1)
        throw Error(ErrorKind::Internal, "crypto_failure", "乱数の生成に失敗しました");
    return out;
}

std::string randomToken(std::size_t bytes) { return toBase64Url(randomBytes(bytes)); }

}  // namespace rxdesk::crypto
