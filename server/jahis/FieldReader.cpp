#include "jahis/FieldReader.h"

#include <charconv>

#include "jahis/JahisDate.h"

namespace rxdesk::jahis {

using prescription::Severity;

FieldReader::FieldReader(int record_no, int line_no, std::vector<std::string> fields,
                         std::vector<prescription::Finding>& findings)
    : record_no_(record_no), line_no_(line_no), fields_(std::move(fields)), findings_(findings) {}

std::string FieldReader::text(size_t index) const {
    return index < fields_.size() ? fields_[index] : std::string();
}

std::string FieldReader::requiredText(size_t index) {
    std::string value = text(index);
    if (value.empty()) {
        report("jahis_missing_field", Severity::Warning, "必須項目が空です。", index);
    }
    return value;
}

std::optional<int> FieldReader::optionalInt(size_t index) {
    const std::string value = text(index);
    if (value.empty()) return std::nullopt;
    int parsed = 0;
    const char* end = value.data() + value.size();
    auto [ptr, ec] = std::from_chars(value.data(), end, parsed);
    if (ec != std::errc() || ptr != end || value.front() == '-') {
        report("jahis_malformed_field", Severity::Warning,
               "数値であるべき項目が数値ではありません。", index);
        return std::nullopt;
    }
    return parsed;
}

std::optional<int> FieldReader::requiredInt(size_t index) {
    if (text(index).empty()) {
        report("jahis_missing_field", Severity::Warning, "必須項目が空です。", index);
        return std::nullopt;
    }
    return optionalInt(index);
}

std::optional<Date> FieldReader::optionalDate(size_t index) {
    const std::string value = text(index);
    if (value.empty()) return std::nullopt;
    auto date = parseJahisDate(value);
    if (!date) {
        report("jahis_malformed_field", Severity::Warning,
               "日付が読み取れません（YYYYMMDD または元号形式 GYYMMDD）。", index);
    }
    return date;
}

void FieldReader::expectAtMost(size_t count) {
    for (size_t i = count + 1; i < fields_.size(); ++i) {
        if (!fields_[i].empty()) {
            report("jahis_extra_fields", Severity::Info,
                   "このレコードに未対応の項目があります（読み飛ばしました）。", i);
            return;
        }
    }
}

void FieldReader::report(std::string code, Severity severity, std::string message,
                         std::optional<size_t> index) {
    findings_.push_back({std::move(code), severity, std::move(message), evidence(index)});
}

std::string FieldReader::evidence(std::optional<size_t> index) const {
    std::string out = std::to_string(line_no_) + "行目 レコード" + std::to_string(record_no_);
    if (index) out += " 項目" + std::to_string(*index);
    return out;
}

}  // namespace rxdesk::jahis
