#include "dispatch/csv/Csv.h"

#include "core/TextEncoding.h"

namespace rxdesk::dispatch {

std::vector<CsvRecord> splitCsvRecords(std::string_view bytes) {
    std::vector<CsvRecord> records;
    std::size_t line = 1;
    std::size_t start_line = 1;
    std::string current;
    bool in_quotes = false;
    auto flush = [&] {
        if (!current.empty()) records.push_back({start_line, current});
        current.clear();
    };
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        char c = bytes[i];
        if (c == '"') in_quotes = !in_quotes;
        if ((c == '\r' || c == '\n') && !in_quotes) {
            if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
            flush();
            ++line;
            start_line = line;
            continue;
        }
        if (c == '\n' || (c == '\r' && !(i + 1 < bytes.size() && bytes[i + 1] == '\n'))) ++line;
        current.push_back(c);
    }
    flush();
    return records;
}

std::optional<std::vector<std::string>> parseCsvFields(std::string_view record) {
    std::vector<std::string> fields;
    std::string field;
    std::size_t i = 0;
    const std::size_t n = record.size();
    while (true) {
        field.clear();
        if (i < n && record[i] == '"') {
            ++i;
            bool closed = false;
            while (i < n) {
                if (record[i] == '"') {
                    if (i + 1 < n && record[i + 1] == '"') {
                        field.push_back('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                field.push_back(record[i++]);
            }
            if (!closed) return std::nullopt;
            if (i < n && record[i] != ',') return std::nullopt;
        } else {
            while (i < n && record[i] != ',') {
                if (record[i] == '"') return std::nullopt;
                field.push_back(record[i++]);
            }
        }
        fields.push_back(field);
        if (i >= n) break;
        ++i;  // the comma
    }
    return fields;
}

std::string csvField(std::string_view field, bool always) {
    bool needs = always || field.find_first_of(",\"\r\n") != std::string_view::npos;
    if (!needs) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string csvLine(const std::vector<std::string>& fields, bool quote_all) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out.push_back(',');
        out += csvField(fields[i], quote_all);
    }
    return out;
}

std::string_view trimAscii(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::optional<std::string> decodeUtf8OrCp932(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (isValidUtf8(bytes)) return std::string(bytes);
    return cp932ToUtf8(bytes);
}

}  // namespace rxdesk::dispatch
