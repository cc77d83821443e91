#include "jahis/QrPayload.h"

#include "core/TextEncoding.h"

namespace rxdesk::jahis {

std::optional<std::string> decodeQrPayload(std::string_view bytes) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
    // Japanese CP932 text is almost never well-formed UTF-8 (its lead bytes 0x81–0x9F and
    // 0xE0–0xFC rarely line up with UTF-8 continuation bytes), so UTF-8 validity decides.
    if (isValidUtf8(bytes)) return std::string(bytes);
    return cp932ToUtf8(bytes);
}

}  // namespace rxdesk::jahis
