#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace rxdesk::reporting {

/// The kind of value a report parameter takes (as the query string carries it).
enum class ParamType { Date, Month, Text, Integer };

/// "date", "month", "string" or "integer": the type's name in the API's catalogue.
std::string_view paramTypeName(ParamType type);

/// One query parameter of a report.
struct ReportParam {
    std::string_view name;
    std::string_view label;  ///< Japanese, for the report screen
    ParamType type;
    bool required;
};

/// A report ReportService generates: its name in the URL, its Japanese title and what it
/// asks for.
struct ReportDescription {
    std::string_view name;
    std::string_view title;
    std::vector<ReportParam> parameters;
    std::vector<std::string_view> one_of;  ///< at least one of these must be given
};

/// Every report, in menu order: the one list the service, the route and the catalogue use.
std::span<const ReportDescription> reportCatalogue();

}  // namespace rxdesk::reporting
