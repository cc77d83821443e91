#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <string_view>

namespace rxdesk::http {

/// Serialises a JSON object compactly (UTF-8 kept as is) for an HTTP answer: the one place
/// rxdesk writes JSON. `<`, `>` and `&` are written as \u003c, \u003e and \u0026, so a JSON
/// answer can never be sniffed or embedded as HTML, whatever the strings in it hold.
std::string writeJson(const Poco::JSON::Object& object);

/// Rewrites `<`, `>` and `&` in serialised JSON as \u003c, \u003e and \u0026. Valid JSON
/// holds these characters only inside strings, where the escapes mean the same character,
/// so the result parses to the same value.
std::string escapeMarkup(std::string_view json);

}  // namespace rxdesk::http
