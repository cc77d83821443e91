#include "jahis/CsvLine.h"

namespace rxdesk::jahis {

CsvFields splitCsvLine(std::string_view line) {
    CsvFields result;
    std::string field;
    size_t i = 0;
    const size_t n = line.size();
    while (true) {
        field.clear();
        if (i < n && line[i] == '"') {
            ++i;
            bool closed = false;
            while (i < n) {
                if (line[i] == '"') {
                    if (i + 1 < n && line[i + 1] == '"') {
                        field.push_back('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                field.push_back(line[i++]);
            }
            if (!closed) result.unterminated_quote = true;
            // Tolerate stray characters between the closing quote and the next comma.
            while (i < n && line[i] != ',') field.push_back(line[i++]);
        } else {
            while (i < n && line[i] != ',') field.push_back(line[i++]);
        }
        result.fields.push_back(field);
        if (i >= n) break;
        ++i;  // the comma
    }
    return result;
}

std::string quoteCsvField(std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

}  // namespace rxdesk::jahis
