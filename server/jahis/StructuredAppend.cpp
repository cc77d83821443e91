#include "jahis/StructuredAppend.h"

#include <map>
#include <string_view>

namespace rxdesk::jahis {

using prescription::Finding;
using prescription::Severity;

std::uint8_t structuredAppendParity(std::string_view bytes) {
    std::uint8_t parity = 0;
    for (char c : bytes) parity ^= static_cast<std::uint8_t>(c);
    return parity;
}

JoinResult joinStructuredAppend(const std::vector<QrSymbol>& symbols) {
    JoinResult result;
    auto fail = [&](std::string code, std::string message, std::string evidence) {
        result.findings.push_back(
            {std::move(code), Severity::Error, std::move(message), std::move(evidence)});
        return result;
    };
    if (symbols.empty()) return fail("qr_no_symbols", "QRコードが読み取れていません。", "");

    const int total = symbols.front().total;
    const std::uint8_t parity = symbols.front().parity;
    std::map<int, const QrSymbol*> by_index;
    for (const QrSymbol& symbol : symbols) {
        if (symbol.total != total || symbol.parity != parity) {
            return fail("qr_mixed_sets",
                        "別の処方箋のQRコードが混ざっています。1枚ずつ読み取ってください。",
                        "total " + std::to_string(symbol.total) + " / " + std::to_string(total));
        }
        if (total < 1 || total > 16 || symbol.index < 0 || symbol.index >= total) {
            return fail(
                "qr_bad_sequence", "QRコードの連結情報が不正です。",
                "index " + std::to_string(symbol.index) + " total " + std::to_string(total));
        }
        auto [it, inserted] = by_index.emplace(symbol.index, &symbol);
        if (!inserted && it->second->bytes != symbol.bytes) {
            return fail("qr_mixed_sets", "同じ位置のQRコードが異なる内容で読み取られました。",
                        "index " + std::to_string(symbol.index + 1));
        }
    }

    std::string missing;
    for (int i = 0; i < total; ++i) {
        if (by_index.count(i) == 0) {
            if (!missing.empty()) missing += ", ";
            missing += std::to_string(i + 1) + "/" + std::to_string(total);
        }
    }
    if (!missing.empty()) {
        return fail("qr_missing_symbols",
                    "連結QRコードの一部が読み取れていません。残りのQRコードを読み取ってください。",
                    missing);
    }

    std::string joined;
    for (const auto& [index, symbol] : by_index) joined += symbol->bytes;
    // Single symbols carry no structured-append header, so their parity means nothing.
    if (total > 1 && structuredAppendParity(joined) != parity) {
        result.findings.push_back({"qr_parity_mismatch", Severity::Warning,
                                   "連結QRコードのパリティが一致しません。内容を確認してください。",
                                   std::to_string(total) + " symbols"});
    }
    result.bytes = std::move(joined);
    return result;
}

}  // namespace rxdesk::jahis
