#include "http/JsonWriter.h"

#include <sstream>

namespace rxdesk::http {

std::string escapeMarkup(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    for (char c : json) {
        switch (c) {
            case '<':
                out += "\\u003c";
                break;
            case '>':
                out += "\\u003e";
                break;
            case '&':
                out += "\\u0026";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string writeJson(const Poco::JSON::Object& object) {
    std::ostringstream out;
    object.stringify(out);
    return escapeMarkup(out.str());
}

}  // namespace rxdesk::http
