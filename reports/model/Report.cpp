#include "reports/model/Report.h"

#include <string>

#include "core/Error.h"
#include "core/TextEncoding.h"
#include "core/TokyoTime.h"

namespace rxdesk::reports {

namespace {

[[noreturn]] void malformed(const std::string& what) {
    throw Error(ErrorKind::Internal, "report_malformed", "report is malformed: " + what);
}

void checkText(std::string_view text, const std::string& where) {
    if (!isValidUtf8(text)) malformed(where + " is not valid UTF-8");
}

void checkRows(const std::vector<Row>& rows, std::size_t column_count, const std::string& where) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string name = where + "[" + std::to_string(i) + "]";
        if (rows[i].size() != column_count) {
            malformed(name + " has " + std::to_string(rows[i].size()) + " cells for " +
                      std::to_string(column_count) + " columns");
        }
        for (const auto& cell : rows[i]) checkText(cell, name);
    }
}

}  // namespace

bool Report::isEmpty() const {
    for (const auto& section : sections) {
        if (!section.fields.empty() || !section.rows.empty() || !section.paragraphs.empty()) {
            return false;
        }
    }
    return true;
}

void checkReport(const Report& report) {
    checkText(report.title, "title");
    checkText(report.subtitle, "subtitle");
    for (std::size_t i = 0; i < report.columns.size(); ++i) {
        const auto& column = report.columns[i];
        checkText(column.heading, "columns[" + std::to_string(i) + "]");
        // Also rejects NaN, which would poison every width computed from it.
        if (!(column.weight > 0.0)) {
            malformed("columns[" + std::to_string(i) + "] has a weight that is not positive");
        }
    }
    const std::size_t column_count = report.columns.size();
    for (std::size_t s = 0; s < report.sections.size(); ++s) {
        const auto& section = report.sections[s];
        const std::string name = "sections[" + std::to_string(s) + "]";
        checkText(section.heading, name + ".heading");
        for (const auto& text : section.paragraphs) checkText(text, name + ".paragraphs");
        for (const auto& field : section.fields) {
            checkText(field.label, name + ".fields");
            checkText(field.value, name + ".fields");
        }
        if (column_count == 0 && (!section.rows.empty() || !section.subtotals.empty())) {
            malformed(name + " has rows but the report has no columns");
        }
        checkRows(section.rows, column_count, name + ".rows");
        checkRows(section.subtotals, column_count, name + ".subtotals");
    }
    if (column_count == 0 && !report.totals.empty()) {
        malformed("totals given but the report has no columns");
    }
    checkRows(report.totals, column_count, "totals");
    for (const auto& note : report.footnotes) checkText(note, "footnotes");
}

std::string generatedAtText(const Report& report) {
    if (report.generated_at == TimePoint{}) return {};
    // formatTokyo gives "2026-11-21T14:35:00+09:00"; a printed page wants minutes only.
    std::string stamp = formatTokyo(report.generated_at).substr(0, 16);
    stamp[10] = ' ';
    return "作成日時 " + stamp;
}

}  // namespace rxdesk::reports
