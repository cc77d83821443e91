#pragma once

#include <Poco/JSON/Object.h>

#include <initializer_list>
#include <sstream>
#include <string>
#include <utility>

namespace rxdesk::testing {

/// {"a":"1","b":"2"} from string pairs, for request bodies.
inline std::string jsonOf(std::initializer_list<std::pair<std::string, std::string>> fields) {
    Poco::JSON::Object o;
    for (const auto& [k, v] : fields) o.set(k, v);
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

}  // namespace rxdesk::testing
