#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rxdesk::jahis {

/// The fields of one CSV line.
struct CsvFields {
    std::vector<std::string> fields;
    bool unterminated_quote = false;  ///< a quoted field ran to the end of the line

    friend bool operator==(const CsvFields&, const CsvFields&) = default;
};

/// Splits one line (without its line break) on commas. A field starting with '"' is
/// quoted: commas inside are kept and '""' stands for one '"'. Never fails: an
/// unterminated quote keeps the rest of the line as the field and sets the flag.
CsvFields splitCsvLine(std::string_view line);

/// Quotes `field` when it holds a comma, a quote or a line break; otherwise returns it as is.
std::string quoteCsvField(std::string_view field);

}  // namespace rxdesk::jahis
