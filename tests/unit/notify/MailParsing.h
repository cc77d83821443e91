#pragma once

// Test-side parsing of the e-mails rxdesk writes, independent of the code that writes them.

#include <Poco/Base64Decoder.h>

#include <map>
#include <sstream>
#include <string>

namespace rxdesk::notify::test {

inline std::string base64Decode(const std::string& text) {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    std::string out((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
    return out;
}

/// Decodes a header value made of "=?UTF-8?B?…?=" words (folding whitespace between words is
/// dropped, as RFC 2047 says); plain text is kept.
inline std::string decodeRfc2047(const std::string& value) {
    std::string out;
    std::size_t pos = 0;
    while (pos < value.size()) {
        const auto start = value.find("=?", pos);
        if (start == std::string::npos) {
            out += value.substr(pos);
            break;
        }
        const std::string between = value.substr(pos, start - pos);
        if (between.find_first_not_of(" \t\r\n") != std::string::npos) out += between;
        const auto q1 = value.find('?', start + 2);
        const auto q2 = value.find('?', q1 + 1);
        const auto end = value.find("?=", q2 + 1);
        if (q1 == std::string::npos || q2 == std::string::npos || end == std::string::npos)
            return "<bad encoded word>";
        out += base64Decode(value.substr(q2 + 1, end - q2 - 1));
        pos = end + 2;
    }
    return out;
}

/// A parsed message: unfolded headers (name as written → raw value) and the body.
struct ParsedMail {
    std::map<std::string, std::string> headers;
    std::string body;
    std::vector<std::string> raw_header_lines;
};

inline ParsedMail parseMail(const std::string& message) {
    ParsedMail m;
    const auto split = message.find("\r\n\r\n");
    const std::string head = message.substr(0, split);
    m.body = split == std::string::npos ? "" : message.substr(split + 4);
    std::string current;
    std::size_t pos = 0;
    auto flush = [&] {
        if (current.empty()) return;
        const auto colon = current.find(':');
        m.headers[current.substr(0, colon)] = current.substr(colon + 2);
        current.clear();
    };
    while (pos <= head.size()) {
        auto eol = head.find("\r\n", pos);
        if (eol == std::string::npos) eol = head.size();
        const std::string line = head.substr(pos, eol - pos);
        m.raw_header_lines.push_back(line);
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t'))
            current += line;  // unfold
        else {
            flush();
            current = line;
        }
        pos = eol + 2;
    }
    flush();
    return m;
}

}  // namespace rxdesk::notify::test
