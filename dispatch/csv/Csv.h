#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rxdesk::dispatch {

/// One CSV record as it appears in the input, before decoding.
struct CsvRecord {
    std::size_t line = 0;  ///< 1-based physical line on which the record starts
    std::string raw;       ///< the record's bytes without the line terminator
};

/// Splits `bytes` into records at CR, LF or CRLF, keeping line breaks that sit inside
/// double-quoted fields. Works on raw UTF-8 and Shift_JIS alike: '"', ',', CR and LF never
/// occur as the second byte of a Shift_JIS character. Empty lines are skipped (their line
/// numbers still count). An unterminated quote runs to the end of the input and is reported
/// by parseCsvFields.
std::vector<CsvRecord> splitCsvRecords(std::string_view bytes);

/// Splits one record into fields (RFC 4180: "" inside quotes is a quote). Returns nullopt
/// when a quote is unterminated or stray text follows a closing quote.
std::optional<std::vector<std::string>> parseCsvFields(std::string_view record);

/// Quotes `field` when it holds a comma, quote, CR or LF, or `always` is set.
std::string csvField(std::string_view field, bool always = false);

/// Joins fields into one record (no line terminator) with csvField.
std::string csvLine(const std::vector<std::string>& fields, bool quote_all = false);

/// Strips ASCII spaces and tabs at both ends.
std::string_view trimAscii(std::string_view text);

/// Decodes text that is either UTF-8 (an optional BOM is removed) or Shift_JIS (CP932).
/// Returns nullopt when it is neither.
std::optional<std::string> decodeUtf8OrCp932(std::string_view bytes);

}  // namespace rxdesk::dispatch
