#include "jahis/JahisParser.h"

#include <charconv>
#include <vector>

#include "core/TextEncoding.h"
#include "jahis/CsvLine.h"
#include "jahis/FieldReader.h"
#include "jahis/RecordHandlers.h"

namespace rxdesk::jahis {
namespace {

using prescription::Finding;
using prescription::Severity;

struct Line {
    int number;
    std::string_view text;
};

// CRLF is the standard, but scanners and copy-paste produce LF or a lone CR too.
std::vector<Line> splitLines(std::string_view text) {
    std::vector<Line> lines;
    int number = 1;
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
            lines.push_back({number++, text.substr(start, i - start)});
            if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
            start = i + 1;
        }
    }
    return lines;
}

bool isBlank(std::string_view s) {
    return s.find_first_not_of(" \t") == std::string_view::npos;
}

std::string_view trim(std::string_view s) {
    const size_t first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const size_t last = s.find_last_not_of(" \t");
    return s.substr(first, last - first + 1);
}

std::optional<int> parseHeader(std::string_view line) {
    line = trim(line);
    constexpr std::string_view kPrefix = "JAHIS";
    if (line.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
    std::string_view digits = line.substr(kPrefix.size());
    int version = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), version);
    if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() ||
        version < 0) {
        return std::nullopt;
    }
    return version;
}

std::string lineEvidence(int line_no) {
    return std::to_string(line_no) + "行目";
}

void parseRecordLine(const Line& line, PrescriptionBuilder& builder,
                     std::vector<Finding>& findings) {
    CsvFields csv = splitCsvLine(line.text);
    if (csv.unterminated_quote) {
        findings.push_back({"jahis_malformed_line", Severity::Warning,
                            "引用符が閉じられていません。", lineEvidence(line.number)});
    }
    const std::string& head = csv.fields.front();
    int record_no = 0;
    auto [ptr, ec] = std::from_chars(head.data(), head.data() + head.size(), record_no);
    if (head.empty() || ec != std::errc() || ptr != head.data() + head.size() || record_no < 0) {
        findings.push_back({"jahis_malformed_line", Severity::Warning,
                            "レコード番号が読み取れない行があります（読み飛ばしました）。",
                            lineEvidence(line.number)});
        return;
    }
    const RecordHandler* handler = findRecordHandler(record_no);
    FieldReader reader(record_no, line.number, std::move(csv.fields), findings);
    if (handler == nullptr) {
        reader.report("jahis_unknown_record", Severity::Warning,
                      "未対応のレコードがあります（読み飛ばしました）。");
        return;
    }
    if (!handler->repeatable && !builder.seen_records.insert(record_no).second) {
        reader.report("jahis_duplicate_record", Severity::Warning,
                      "1回だけ現れるべきレコードが複数あります（後のものを採用）。");
    }
    handler->apply(reader, builder);
    reader.expectAtMost(handler->item_count);
}

}  // namespace

ParseResult JahisParser::parse(std::string_view text) {
    ParseResult result;
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
    if (!isValidUtf8(text)) {
        result.findings.push_back({"jahis_invalid_encoding", Severity::Error,
                                   "QRコードの文字コードが読み取れません。", ""});
        return result;
    }

    std::vector<Line> lines = splitLines(text);
    size_t next = 0;
    while (next < lines.size() && isBlank(lines[next].text)) ++next;
    std::optional<int> version;
    if (next < lines.size()) version = parseHeader(lines[next].text);
    if (!version) {
        result.findings.push_back({"jahis_missing_header", Severity::Error,
                                   "JAHIS形式の処方箋QRコードではありません。",
                                   next < lines.size() ? lineEvidence(lines[next].number) : ""});
        return result;
    }
    result.version = *version;
    if (*version < kMinVersion || *version > kMaxVersion) {
        result.findings.push_back({"jahis_unsupported_version", Severity::Warning,
                                   "未対応のJAHISバージョンです。内容を必ず確認してください。",
                                   "JAHIS" + std::to_string(*version)});
    }

    PrescriptionBuilder builder;
    bool any_record = false;
    for (++next; next < lines.size(); ++next) {
        if (isBlank(lines[next].text)) continue;
        any_record = true;
        parseRecordLine(lines[next], builder, result.findings);
    }
    if (!any_record) {
        result.findings.push_back(
            {"jahis_no_records", Severity::Error, "QRコードに処方内容がありません。", ""});
    }
    for (const auto& rp : builder.prescription.rps) {
        if (rp.items.empty()) {
            result.findings.push_back({"jahis_rp_without_drugs", Severity::Warning,
                                       "薬品のないRPがあります。",
                                       "RP" + std::to_string(rp.rp_no)});
        }
    }
    result.prescription = std::move(builder.prescription);
    return result;
}

}  // namespace rxdesk::jahis
