#include <gtest/gtest.h>

#include "MailParsing.h"
#include "NotifyTestSupport.h"
#include "core/Error.h"
#include "core/TextEncoding.h"
#include "notify/EmailMessage.h"

namespace rxdesk::notify {
namespace {

using test::at;

EmailContent content() {
    EmailContent c;
    c.from_address = "noreply@sakura-pharmacy.example.jp";
    c.from_name = "さくら薬局";
    c.to_address = "patient@example.jp";
    c.subject = "【さくら薬局 駅前店】オンライン服薬指導のご予約日時のお知らせ";
    c.body = "さくら薬局 駅前店です。\n日時：2026年11月24日（火）14:30\n";
    c.message_id = messageIdFor("ntf_0123", "rxdesk.example.jp");
    c.date = at("2026-11-24T05:30:00Z");
    return c;
}

TEST(EmailMessage, MessageIdIsDerivedFromTheNotificationId) {
    EXPECT_EQ(messageIdFor("ntf_ab", "rx.example.jp"), "<ntf_ab@rx.example.jp>");
}

TEST(EmailMessage, AsciiHeaderValuesStayAsTheyAre) {
    EXPECT_EQ(encodeHeaderValue("Reminder"), "Reminder");
}

TEST(EmailMessage, EncodedWordsDecodeBackAndRespectLineLimits) {
    const std::string cases[] = {
        "予約",
        "【さくら薬局 駅前店】オンライン服薬指導のご予約日時のお知らせ",
        "混在 mixed ASCII と日本語 with emoji 😀 at the end 😀😀😀😀😀😀😀😀😀😀😀😀",
        std::string(200, 'a') + "é",
    };
    for (const auto& text : cases) {
        const auto encoded = encodeHeaderValue(text, 9);
        EXPECT_EQ(test::decodeRfc2047(encoded), text);
        std::size_t pos = 0, line = 0;
        while (pos <= encoded.size()) {
            auto eol = encoded.find("\r\n", pos);
            if (eol == std::string::npos) eol = encoded.size();
            const auto length = eol - pos + (line == 0 ? 9 : 0);
            EXPECT_LE(length, 78u) << text;
            pos = eol + 2;
            ++line;
        }
        // Each word on its own must be valid UTF-8 once decoded (no split sequences).
        std::size_t w = 0;
        while ((w = encoded.find("=?UTF-8?B?", w)) != std::string::npos) {
            const auto end = encoded.find("?=", w + 10);
            EXPECT_LE(end + 2 - w, 75u);
            EXPECT_TRUE(isValidUtf8(test::base64Decode(encoded.substr(w + 10, end - w - 10))));
            w = end;
        }
    }
}

TEST(EmailMessage, FormatsAnRfc5322MessageThatParsesBack) {
    const auto raw = formatEmail(content());
    // CRLF only.
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\n') {
            ASSERT_TRUE(i > 0 && raw[i - 1] == '\r') << i;
        }
    }
    for (std::size_t i = 0; i < raw.size(); ++i)
        ASSERT_LT(static_cast<unsigned char>(raw[i]), 0x80u) << "8-bit byte at " << i;

    const auto mail = test::parseMail(raw);
    EXPECT_EQ(test::decodeRfc2047(mail.headers.at("Subject")), content().subject);
    EXPECT_EQ(mail.headers.at("To"), "<patient@example.jp>");
    EXPECT_EQ(test::decodeRfc2047(mail.headers.at("From")),
              "さくら薬局 <noreply@sakura-pharmacy.example.jp>");
    EXPECT_EQ(mail.headers.at("Message-ID"), "<ntf_0123@rxdesk.example.jp>");
    EXPECT_EQ(mail.headers.at("Date"), "Tue, 24 Nov 2026 14:30:00 +0900");
    EXPECT_EQ(mail.headers.at("MIME-Version"), "1.0");
    EXPECT_EQ(mail.headers.at("Content-Type"), "text/plain; charset=UTF-8");
    EXPECT_EQ(mail.headers.at("Content-Transfer-Encoding"), "base64");
    EXPECT_EQ(mail.headers.at("Auto-Submitted"), "auto-generated");
    EXPECT_EQ(test::base64Decode(mail.body),
              "さくら薬局 駅前店です。\r\n日時：2026年11月24日（火）14:30\r\n");
    for (const auto& line : test::parseMail(raw).raw_header_lines) EXPECT_LE(line.size(), 78u);
}

TEST(EmailMessage, PlainAsciiDisplayNameIsNotEncoded) {
    auto c = content();
    c.from_name = "Sakura Pharmacy";
    EXPECT_EQ(test::parseMail(formatEmail(c)).headers.at("From"),
              "Sakura Pharmacy <noreply@sakura-pharmacy.example.jp>");
    c.from_name.clear();
    EXPECT_EQ(test::parseMail(formatEmail(c)).headers.at("From"),
              "<noreply@sakura-pharmacy.example.jp>");
}

TEST(EmailMessage, ValidatesAddresses) {
    struct Case {
        const char* address;
        bool ok;
    } cases[] = {
        {"patient@example.jp", true},
        {"a.b+tag@mail.example.co.jp", true},
        {"", false},
        {"no-at.example.jp", false},
        {"@example.jp", false},
        {"a@b@example.jp", false},
        {"a@localhost", false},
        {"a@example.jp\r\nBcc: x@example.jp", false},
        {"a b@example.jp", false},
        {"<a@example.jp>", false},
        {"患者@example.jp", false},
    };
    for (const auto& c : cases) EXPECT_EQ(isPlausibleEmailAddress(c.address), c.ok) << c.address;
}

TEST(EmailMessage, RefusesHeaderInjection) {
    auto c = content();
    c.to_address = "a@example.jp\r\nBcc: x@example.jp";
    EXPECT_THROW(formatEmail(c), Error);
    c = content();
    c.message_id = "<x@y>\r\nBcc: z";
    EXPECT_THROW(formatEmail(c), Error);
    // A CR/LF in the subject is carried inside an encoded word, never as a raw line break.
    c = content();
    c.subject = "件名\r\nBcc: x@example.jp";
    const auto mail = test::parseMail(formatEmail(c));
    EXPECT_EQ(mail.headers.count("Bcc"), 0u);
}

}  // namespace
}  // namespace rxdesk::notify
