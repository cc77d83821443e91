#pragma once

#include <string>
#include <string_view>

#include "reports/model/Report.h"

namespace rxdesk::reports {

/// Character encoding of a CSV file.
enum class CsvEncoding {
    Utf8WithBom,  ///< UTF-8 starting with EF BB BF, so that Excel detects UTF-8
    ShiftJis,     ///< Windows code page 932, for older Japanese tools
};

/// Writes the data of any Report as CSV (RFC 4180): CRLF line ends; a field is quoted when it
/// holds a comma, a double quote, CR or LF, with inner quotes doubled.
///
/// Shape: one header row, then one line per table row, then subtotals and totals. When any
/// section has a heading, a first column 「区分」 holds it. Field labels of record-style
/// sections become further columns (in order of first appearance) whose values repeat on
/// every row of their section; a section with fields but no rows gives one line. Title,
/// subtitle, section paragraphs, footnotes and 作成日時 are not written: the file is data
/// only.
///
/// Formula injection: a cell starting with = + - @ TAB or CR gets a leading apostrophe so that
/// spreadsheet programs show it as text; plain numbers such as "-12" or "-3.5" are left alone.
class CsvRenderer {
public:
    explicit CsvRenderer(CsvEncoding encoding = CsvEncoding::Utf8WithBom);

    /// Returns the CSV bytes. Throws Error(Internal, "report_malformed") when checkReport
    /// fails, and Error(RuleViolation, "csv_not_shift_jis") when Shift_JIS was asked for and
    /// the text holds a character CP932 cannot represent (the caller should offer UTF-8).
    std::string render(const Report& report) const;

    /// One cell as written: neutralised against formula injection, then quoted if needed.
    static std::string escapeCell(std::string_view cell);

private:
    CsvEncoding encoding_;
};

}  // namespace rxdesk::reports
