#pragma once

#include <string>
#include <string_view>

#include "core/Clock.h"

namespace rxdesk::notify {

/// What goes into one e-mail.
struct EmailContent {
    std::string from_address;  ///< "noreply@pharmacy.example.jp"
    std::string from_name;     ///< display name, may be Japanese; empty for none
    std::string to_address;    ///< the patient's address (patient data)
    std::string subject;       ///< UTF-8
    std::string body;          ///< UTF-8, "\n" or "\r\n" line ends
    std::string message_id;    ///< "<…@…>", see messageIdFor
    TimePoint date{};
};

/// "<" + notification_id + "@" + domain + ">": the same notification always gets the same
/// Message-ID, so a re-sent copy is recognisable as a duplicate by the receiving side.
std::string messageIdFor(std::string_view notification_id, std::string_view domain);

/// A plausible bare address (local@domain): ASCII printable, no spaces, quotes, angle
/// brackets or control characters, exactly one '@' with both sides non-empty and a dot in
/// the domain. Not full RFC 5321 validation; enough to keep it from breaking SMTP commands
/// and headers.
bool isPlausibleEmailAddress(std::string_view address);

/// RFC 2047 encoding of a header value: returned unchanged when it is printable ASCII,
/// otherwise as "=?UTF-8?B?…?=" encoded-words of at most 75 characters each (never
/// splitting a UTF-8 sequence), separated by CRLF + space (folding) so each header line
/// stays under 78 characters. `first_line_used` is how many characters of the first line
/// the header name already takes ("Subject: " = 9).
std::string encodeHeaderValue(std::string_view utf8, std::size_t first_line_used = 9);

/// The RFC 5322 message: Date (Asia/Tokyo, "+0900"), From, To, Subject (RFC 2047),
/// Message-ID, MIME-Version, Content-Type text/plain; charset=UTF-8,
/// Content-Transfer-Encoding base64 (so any UTF-8 text survives any relay), Auto-Submitted:
/// auto-generated (RFC 3834, so auto-responders stay quiet); CRLF line ends throughout.
/// Throws Error(BadRequest, "invalid_email_address", field "from" or "to") when an address
/// is not isPlausibleEmailAddress, and Error(BadRequest, "invalid_message_id") when the
/// Message-ID contains anything but printable ASCII.
std::string formatEmail(const EmailContent& content);

}  // namespace rxdesk::notify
