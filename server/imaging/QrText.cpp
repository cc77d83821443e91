#include "imaging/QrText.h"

#include <map>
#include <set>

#include "jahis/QrPayload.h"
#include "jahis/StructuredAppend.h"

namespace rxdesk::imaging {

using prescription::Finding;
using prescription::Severity;

namespace {

bool isJahisText(std::string_view text) {
    return text.substr(0, 5) == "JAHIS";
}

}  // namespace

QrTextResult qrSymbolsToText(const std::vector<QrSymbolRead>& symbols) {
    QrTextResult result;
    if (symbols.empty()) {
        result.findings = jahis::joinStructuredAppend({}).findings;
        return result;
    }
    // A structured-append set is identified by its total and parity; lone symbols stand
    // alone, keyed by their content so that one read twice counts once.
    std::map<std::pair<int, std::string>, std::vector<jahis::QrSymbol>> sets;
    for (const QrSymbolRead& symbol : symbols) {
        const jahis::QrSymbol part{symbol.index, symbol.total, symbol.parity, symbol.bytes};
        if (symbol.total > 1) {
            sets[{symbol.total, std::string(1, static_cast<char>(symbol.parity))}].push_back(part);
        } else {
            sets[{1, symbol.bytes}].push_back(part);
        }
    }

    std::set<std::string> jahis_texts;
    std::vector<Finding> jahis_findings;
    std::vector<Finding> problems;
    bool readable_non_jahis = false;
    for (const auto& [key, parts] : sets) {
        jahis::JoinResult joined = jahis::joinStructuredAppend(parts);
        if (!joined.bytes) {
            problems.insert(problems.end(), joined.findings.begin(), joined.findings.end());
            continue;
        }
        std::optional<std::string> text = jahis::decodeQrPayload(*joined.bytes);
        if (!text) {
            problems.push_back({"qr_bad_encoding", Severity::Error,
                                "QRコードの文字コードを判別できません。",
                                std::to_string(parts.size()) + " symbols"});
            continue;
        }
        if (!isJahisText(*text)) {
            readable_non_jahis = true;
            continue;
        }
        if (jahis_texts.insert(*text).second) {
            jahis_findings = joined.findings;
            result.utf8_text = std::move(*text);
        }
    }

    if (jahis_texts.size() > 1) {
        result.utf8_text.reset();
        result.findings.push_back(
            {"qr_multiple_prescriptions", Severity::Error,
             "複数の処方箋のQRコードが読み取られました。1枚ずつ読み取ってください。",
             std::to_string(jahis_texts.size()) + " prescriptions"});
        return result;
    }
    if (result.utf8_text) {
        result.findings = std::move(jahis_findings);
        return result;
    }
    result.findings = std::move(problems);
    if (result.findings.empty() && readable_non_jahis) {
        result.findings.push_back(
            {"qr_not_jahis", Severity::Error, "処方箋のQRコード（JAHIS形式）ではありません。", ""});
    }
    return result;
}

}  // namespace rxdesk::imaging
