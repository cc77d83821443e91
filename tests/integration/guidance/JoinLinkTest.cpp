#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <regex>

#include "GuidanceFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

// --- an independent JWT check: base64url + OpenSSL HMAC, no Poco::JWT, no rxdesk code -----

std::string base64UrlDecode(const std::string& in) {
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '-') return 62;
        if (c == '_') return 63;
        return -1;
    };
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : in) {
        const int v = value(c);
        if (v < 0) return "<invalid>";
        buffer = (buffer << 6) | unsigned(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += char((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

std::string hmacSha256(const std::string& key, const std::string& data) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), int(key.size()),
         reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, &len);
    return std::string(reinterpret_cast<char*>(mac), len);
}

std::string hex(const std::string& bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

struct Jwt {
    bool signature_valid = false;
    Poco::JSON::Object::Ptr header, payload;
};

Jwt verify(const std::string& token, const std::string& secret) {
    Jwt out;
    const auto d1 = token.find('.');
    const auto d2 = token.find('.', d1 + 1);
    if (d1 == std::string::npos || d2 == std::string::npos) return out;
    out.signature_valid =
        hmacSha256(secret, token.substr(0, d2)) == base64UrlDecode(token.substr(d2 + 1));
    out.header = parse(base64UrlDecode(token.substr(0, d1)));
    out.payload = parse(base64UrlDecode(token.substr(d1 + 1, d2 - d1 - 1)));
    return out;
}

// The room name as documented (guidance/RoomName.h), computed independently.
std::string expectedRoom(std::int64_t appointment_id) {
    return "rx" + hex(hmacSha256(kRoomSecret, "rxdesk-room:" + std::to_string(appointment_id)))
                      .substr(0, 32);
}

struct Link {
    std::string room;
    std::string token;
};

Link splitUrl(const std::string& url) {
    std::smatch m;
    static const std::regex re("^https://meet\\.example\\.jp/([a-z0-9]+)\\?jwt=([A-Za-z0-9_.-]+)$");
    EXPECT_TRUE(std::regex_match(url, m, re)) << url;
    return m.empty() ? Link{} : Link{m[1], m[2]};
}

}  // namespace

TEST(GuidanceJoinLinks, ThePharmacistsTokenVerifiesIndependently) {
    GuidanceFixture g;
    const auto id = g.book(g.prescription(), "2026-09-24T14:00:00+09:00");
    const std::string path = "/api/v1/guidance/appointments/" + std::to_string(id) + "/join";
    EXPECT_EQ(g.clerk.get(path).status, 403) << "clerks do not conduct guidance";
    TestClient sato = g.f.server.loggedIn(g.sato);
    EXPECT_EQ(sato.get(path).errorCode(), "not_your_appointment");

    Response r = g.pharmacist.get(path);
    ASSERT_EQ(r.status, 200) << r.body;
    const Link link = splitUrl(r.json()->getValue<std::string>("url"));
    EXPECT_EQ(link.room, expectedRoom(id)) << "one room per appointment";
    EXPECT_EQ(r.json()->getValue<std::string>("room"), link.room);

    Jwt jwt = verify(link.token, kJwtSecret);
    ASSERT_TRUE(jwt.signature_valid);
    EXPECT_FALSE(verify(link.token, kJwtSecret + "x").signature_valid) << "the check can fail";
    EXPECT_EQ(jwt.header->getValue<std::string>("alg"), "HS256");
    EXPECT_EQ(jwt.payload->getValue<std::string>("iss"), "rxdesk");
    EXPECT_EQ(jwt.payload->getValue<std::string>("aud"), "jitsi");
    EXPECT_EQ(jwt.payload->getValue<std::string>("sub"), "meet.example.jp");
    EXPECT_EQ(jwt.payload->getValue<std::string>("room"), link.room);
    const auto start = unixSeconds(at("2026-09-24T14:00:00+09:00"));
    EXPECT_EQ(jwt.payload->getValue<std::int64_t>("nbf"), start - 15 * 60);
    EXPECT_EQ(jwt.payload->getValue<std::int64_t>("exp"), start + 10 * 60 + 30 * 60);
    auto user = jwt.payload->getObject("context")->getObject("user");
    EXPECT_TRUE(user->getValue<bool>("moderator"));
    EXPECT_EQ(user->getValue<std::string>("name"), "yamada さん");

    // Another appointment gets another room.
    const auto other = g.book(g.prescription(), "2026-09-24T15:00:00+09:00");
    EXPECT_NE(splitUrl(g.pharmacist
                           .get("/api/v1/guidance/appointments/" + std::to_string(other) + "/join")
                           .json()
                           ->getValue<std::string>("url"))
                  .room,
              link.room);

    // After the window no link is issued.
    g.f.server.clock().set(at("2026-09-24T14:41:00+09:00"));
    EXPECT_EQ(g.pharmacist.get(path).errorCode(), "join_window_closed");
}

TEST(GuidanceJoinLinks, ThePatientsLinkArrivesInTheConfirmationWithoutModeratorRights) {
    GuidanceFixture g;
    const auto rx = g.prescription();
    const auto id = g.book(rx, "2026-09-24T14:00:00+09:00");
    auto stats = g.f.server.services().notificationPump().runNow();
    EXPECT_EQ(stats.sent, 1u) << "the confirmation; the reminders are not due yet";
    auto requests = g.upstream.requests();
    ASSERT_EQ(requests.size(), 1u);
    auto payload = parse(requests[0].body);
    EXPECT_EQ(payload->getValue<std::string>("kind"), "booking_confirmation");
    EXPECT_EQ(payload->getValue<std::string>("recipient"), "line:U-patient-" + std::to_string(rx));
    const auto body = payload->getValue<std::string>("body");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        body, m, std::regex("https://meet\\.example\\.jp/[a-z0-9]+\\?jwt=[A-Za-z0-9_.-]+")))
        << body;
    const Link link = splitUrl(m[0]);
    EXPECT_EQ(link.room, expectedRoom(id));
    Jwt jwt = verify(link.token, kJwtSecret);
    ASSERT_TRUE(jwt.signature_valid);
    EXPECT_EQ(jwt.payload->getValue<std::string>("aud"), "jitsi");
    EXPECT_EQ(jwt.payload->getValue<std::string>("room"), link.room);
    auto user = jwt.payload->getObject("context")->getObject("user");
    EXPECT_FALSE(user->getValue<bool>("moderator"));
    EXPECT_EQ(user->getValue<std::string>("name"), "患者様");
    EXPECT_NE(body.find("2026年9月24日（木）14:00"), std::string::npos) << body;
}
