#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/Clock.h"

namespace rxdesk::reports {

/// Paper of a printed report.
enum class PaperSize { A4, A5 };

/// Page orientation of a printed report.
enum class Orientation { Portrait, Landscape };

/// Horizontal alignment of the cells of one column.
enum class Align { Left, Center, Right };

/// One table column. Widths are relative: a column gets weight / (sum of all weights) of the
/// printable width. A column with wrap = false prints one line per cell and cuts overlong
/// text with "…"; with wrap = true the text wraps inside the cell.
struct Column {
    std::string heading;
    double weight = 1.0;
    Align align = Align::Left;
    bool wrap = true;
};

/// One key/value line of a record-style block (服薬指導記録: 「指導内容」→ text).
struct Field {
    std::string label;
    std::string value;
};

/// One table line: exactly one cell per Report::columns entry, UTF-8 text.
using Row = std::vector<std::string>;

/// A part of a report, printed in this order: an optional heading, paragraphs of running
/// text, key/value fields, table rows, emphasised subtotal rows. Any part may be empty.
struct Section {
    // Default member initialisers let callers name only the parts they use:
    // Section{.heading = "…", .rows = {…}}.
    std::string heading{};  ///< empty: no heading is printed
    std::vector<Field> fields{};
    std::vector<Row> rows{};
    std::vector<Row> subtotals{};
    std::vector<std::string> paragraphs{};  ///< prose (instructions, remarks); not in CSV
};

/// A printable report, independent of the output format. All text is UTF-8; user-facing
/// text is Japanese.
struct Report {
    std::string title;  ///< e.g. 「配送実績一覧」
    std::string subtitle;  ///< e.g. the period 「2026年11月1日〜2026年11月30日」; may be empty
    PaperSize paper = PaperSize::A4;
    Orientation orientation = Orientation::Portrait;
    std::vector<Column> columns;
    std::vector<Section> sections;
    std::vector<Row> totals;  ///< grand totals, printed after all sections
    std::vector<std::string> footnotes;
    TimePoint generated_at{};  ///< the epoch means "not given": no 作成日時 is printed

    /// True when no section has a paragraph, a field or a row: renderers then print
    /// kNoDataText instead of a table, and leave out subtotals and totals.
    bool isEmpty() const;
};

/// Printed in place of the table when a report has no data.
inline constexpr std::string_view kNoDataText = "該当なし";

/// Checks what renderers rely on. Throws Error(ErrorKind::Internal, "report_malformed")
/// naming the offending part when a row, subtotal or total does not have exactly one cell
/// per column, when rows exist but no columns, when a column weight is not positive, or when
/// any text is not valid UTF-8. Returns normally otherwise.
void checkReport(const Report& report);

/// 「作成日時 2026-11-21 14:35」 in Asia/Tokyo, or an empty string when generated_at is the
/// epoch.
std::string generatedAtText(const Report& report);

}  // namespace rxdesk::reports
