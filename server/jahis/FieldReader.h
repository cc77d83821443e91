#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/TokyoTime.h"
#include "prescription/Finding.h"

namespace rxdesk::jahis {

/// Typed access to the fields of one JAHIS record line. Field 0 is the record number,
/// field i (i >= 1) the i-th item of the record. Every problem becomes a finding whose
/// evidence names the line, record and item; nothing throws.
class FieldReader {
public:
    FieldReader(int record_no, int line_no, std::vector<std::string> fields,
                std::vector<prescription::Finding>& findings);

    int recordNo() const { return record_no_; }
    int lineNo() const { return line_no_; }

    /// The item as written, or "" when the line is shorter.
    std::string text(size_t index) const;

    /// Like text(), but reports "jahis_missing_field" when the item is empty.
    std::string requiredText(size_t index);

    /// An ASCII decimal integer; empty → nullopt silently, anything else → nullopt and
    /// "jahis_malformed_field".
    std::optional<int> optionalInt(size_t index);

    /// Like optionalInt(), but an empty item is reported as "jahis_missing_field".
    std::optional<int> requiredInt(size_t index);

    /// A JAHIS date (YYYYMMDD or GYYMMDD); same reporting as optionalInt().
    std::optional<Date> optionalDate(size_t index);

    /// Reports "jahis_extra_fields" (info) when items beyond `count` are not empty.
    void expectAtMost(size_t count);

    /// Adds a finding about this line, e.g. for an unknown code value.
    void report(std::string code, prescription::Severity severity, std::string message,
                std::optional<size_t> index = std::nullopt);

    /// "3行目 レコード201" or "3行目 レコード201 項目5".
    std::string evidence(std::optional<size_t> index = std::nullopt) const;

private:
    int record_no_;
    int line_no_;
    std::vector<std::string> fields_;
    std::vector<prescription::Finding>& findings_;
};

}  // namespace rxdesk::jahis
