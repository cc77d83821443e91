#include "notify/EmailMessage.h"

#include <Poco/Base64Encoder.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include <sstream>

#include "core/Error.h"
#include "core/TokyoTime.h"

namespace rxdesk::notify {
namespace {

constexpr std::size_t kMaxEncodedWord = 75;
constexpr std::string_view kWordPrefix = "=?UTF-8?B?";
constexpr std::string_view kWordSuffix = "?=";

bool isPrintableAscii(std::string_view s) {
    for (unsigned char c : s)
        if (c < 0x20 || c > 0x7e) return false;
    return true;
}

std::string base64(std::string_view bytes, int line_length) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(line_length);
    encoder.write(bytes.data(), std::streamsize(bytes.size()));
    encoder.close();
    return out.str();
}

// Length of the UTF-8 sequence starting with lead byte `c` (1 for invalid bytes, so a
// broken string still makes progress).
std::size_t sequenceLength(unsigned char c) {
    if (c >= 0xf0 && c < 0xf8) return 4;
    if (c >= 0xe0) return 3;
    if (c >= 0xc0) return 2;
    return 1;
}

std::string crlf(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 20);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += "\r\n";
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (text[i] == '\n') {
            out += "\r\n";
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string rfc5322Date(TimePoint t) {
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
    Poco::DateTime tokyo{Poco::Timestamp{micros} + Poco::Timespan{9 * 3600, 0}};
    return Poco::DateTimeFormatter::format(tokyo, Poco::DateTimeFormat::RFC1123_FORMAT, 9 * 3600);
}

}  // namespace

std::string messageIdFor(std::string_view notification_id, std::string_view domain) {
    return "<" + std::string(notification_id) + "@" + std::string(domain) + ">";
}

bool isPlausibleEmailAddress(std::string_view a) {
    if (a.empty() || a.size() > 254 || !isPrintableAscii(a)) return false;
    for (char c : a)
        if (c == ' ' || c == '"' || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' ||
            c == ';' || c == ':' || c == '\\' || c == '[' || c == ']')
            return false;
    const auto at = a.find('@');
    if (at == std::string_view::npos || at == 0 || a.find('@', at + 1) != std::string_view::npos)
        return false;
    const auto domain = a.substr(at + 1);
    return !domain.empty() && domain.find('.') != std::string_view::npos && domain.front() != '.' &&
           domain.back() != '.';
}

std::string encodeHeaderValue(std::string_view utf8, std::size_t first_line_used) {
    if (isPrintableAscii(utf8)) return std::string(utf8);
    // Bytes per word: base64 turns 3 bytes into 4 characters; the word's frame takes 12.
    const std::size_t overhead = kWordPrefix.size() + kWordSuffix.size();
    std::string out;
    std::size_t pos = 0;
    bool first = true;
    while (pos < utf8.size()) {
        // The first word shares its line with the header name; later lines start with a space.
        const std::size_t line_room = first ? 76 - std::min<std::size_t>(first_line_used, 40) : 75;
        const std::size_t word_room = std::min(kMaxEncodedWord, line_room);
        const std::size_t max_bytes = (word_room - overhead) / 4 * 3;
        std::size_t end = pos;
        while (end < utf8.size()) {
            const std::size_t len = sequenceLength(static_cast<unsigned char>(utf8[end]));
            if (end + len - pos > max_bytes) break;
            end += len;
        }
        if (end == pos) end = std::min(utf8.size(), pos + max_bytes);
        if (!first) out += "\r\n ";
        out.append(kWordPrefix).append(base64(utf8.substr(pos, end - pos), 0)).append(kWordSuffix);
        pos = end;
        first = false;
    }
    return out;
}

std::string formatEmail(const EmailContent& c) {
    if (!isPlausibleEmailAddress(c.from_address))
        throw Error(ErrorKind::BadRequest, "invalid_email_address",
                    "the sender address is not a valid e-mail address", "from");
    if (!isPlausibleEmailAddress(c.to_address))
        throw Error(ErrorKind::BadRequest, "invalid_email_address",
                    "the recipient address is not a valid e-mail address", "to");
    if (c.message_id.empty() || !isPrintableAscii(c.message_id) ||
        c.message_id.find(' ') != std::string::npos)
        throw Error(ErrorKind::BadRequest, "invalid_message_id", "the Message-ID is not valid",
                    "message_id");

    std::string from = "<" + c.from_address + ">";
    if (!c.from_name.empty()) {
        // A display name in plain ASCII still goes through an encoded-word when it contains
        // characters that are special in an address header.
        const bool plain = isPrintableAscii(c.from_name) &&
                           c.from_name.find_first_of("\"\\<>()[],;:@.") == std::string::npos;
        from = (plain ? c.from_name : encodeHeaderValue(c.from_name, 6)) + " " + from;
    }

    std::string m;
    m += "Date: " + rfc5322Date(c.date) + "\r\n";
    m += "From: " + from + "\r\n";
    m += "To: <" + c.to_address + ">\r\n";
    m += "Subject: " + encodeHeaderValue(c.subject, 9) + "\r\n";
    m += "Message-ID: " + c.message_id + "\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Content-Type: text/plain; charset=UTF-8\r\n";
    m += "Content-Transfer-Encoding: base64\r\n";
    m += "Auto-Submitted: auto-generated\r\n";
    m += "\r\n";
    m += crlf(base64(crlf(c.body), 76));
    if (m.size() < 2 || m.compare(m.size() - 2, 2, "\r\n") != 0) m += "\r\n";
    return m;
}

}  // namespace rxdesk::notify
