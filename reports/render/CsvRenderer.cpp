#include "reports/render/CsvRenderer.h"

#include <algorithm>
#include <vector>

#include "core/Error.h"
#include "core/TextEncoding.h"

namespace rxdesk::reports {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kSectionColumn = "区分";

// "-12", "+3.5", "-0.25": what a spreadsheet reads as a number anyway, never as a formula.
bool isPlainNumber(std::string_view s) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        std::size_t frac = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++frac;
        if (frac == 0) return false;
    }
    return digits > 0 && i == s.size();
}

void appendLine(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += ',';
        out += CsvRenderer::escapeCell(cells[i]);
    }
    out += "\r\n";
}

}  // namespace

CsvRenderer::CsvRenderer(CsvEncoding encoding) : encoding_(encoding) {}

std::string CsvRenderer::escapeCell(std::string_view cell) {
    std::string text;
    const char first = cell.empty() ? '\0' : cell.front();
    if ((first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ||
         first == '\r') &&
        !isPlainNumber(cell)) {
        text += '\'';
    }
    text += cell;
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string CsvRenderer::render(const Report& report) const {
    checkReport(report);

    const bool section_column = std::any_of(report.sections.begin(), report.sections.end(),
                                            [](const Section& s) { return !s.heading.empty(); });
    std::vector<std::string> field_labels;
    for (const auto& section : report.sections) {
        for (const auto& field : section.fields) {
            if (std::find(field_labels.begin(), field_labels.end(), field.label) ==
                field_labels.end()) {
                field_labels.push_back(field.label);
            }
        }
    }

    std::string out;
    std::vector<std::string> header;
    if (section_column) header.emplace_back(kSectionColumn);
    header.insert(header.end(), field_labels.begin(), field_labels.end());
    for (const auto& column : report.columns) header.push_back(column.heading);
    appendLine(out, header);

    const auto line = [&](const std::string& heading, const std::vector<std::string>& fields,
                          const Row& row) {
        std::vector<std::string> cells;
        if (section_column) cells.push_back(heading);
        cells.insert(cells.end(), fields.begin(), fields.end());
        if (row.empty()) {
            cells.resize(cells.size() + report.columns.size());
        } else {
            cells.insert(cells.end(), row.begin(), row.end());
        }
        appendLine(out, cells);
    };

    for (const auto& section : report.sections) {
        std::vector<std::string> fields(field_labels.size());
        for (const auto& field : section.fields) {
            const auto at = std::find(field_labels.begin(), field_labels.end(), field.label);
            auto& slot = fields[static_cast<std::size_t>(at - field_labels.begin())];
            // A label repeated within one section: keep every value rather than drop one.
            slot = slot.empty() ? field.value : slot + "\n" + field.value;
        }
        if (section.rows.empty() && section.subtotals.empty()) {
            if (!section.fields.empty()) line(section.heading, fields, {});
            continue;
        }
        for (const auto& row : section.rows) line(section.heading, fields, row);
        for (const auto& row : section.subtotals) line(section.heading, fields, row);
    }
    for (const auto& row : report.totals)
        line({}, std::vector<std::string>(field_labels.size()), row);

    if (encoding_ == CsvEncoding::Utf8WithBom) return std::string(kBom) + out;
    auto sjis = utf8ToCp932(out);
    if (!sjis) {
        throw Error(ErrorKind::RuleViolation, "csv_not_shift_jis",
                    "the report holds characters that Shift_JIS cannot represent; export as "
                    "UTF-8 instead");
    }
    return *sjis;
}

}  // namespace rxdesk::reports
