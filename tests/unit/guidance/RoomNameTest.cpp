#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>

#include "core/Error.h"
#include "guidance/RoomName.h"

namespace rxdesk::guidance {
namespace {

const std::string kSecret = "room-secret-0123456789abcdef0123456789";

// HMAC-SHA256 by OpenSSL, hex: an implementation independent of Poco's.
std::string opensslHmacHex(const std::string& key, const std::string& message) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), int(key.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
    std::string hex;
    char buf[3];
    for (unsigned i = 0; i < length; ++i) {
        std::snprintf(buf, sizeof buf, "%02x", digest[i]);
        hex += buf;
    }
    return hex;
}

TEST(RoomName, IsTheDocumentedHmacOfTheAppointmentId) {
    for (const std::string id : {"ap-1", "ap-2", "予約-3", "0"}) {
        EXPECT_EQ(roomName(id, kSecret),
                  "rx" + opensslHmacHex(kSecret, "rxdesk-room:" + id).substr(0, 32))
            << id;
    }
}

TEST(RoomName, IsStableUrlSafeAndDependsOnIdAndSecret) {
    const std::string a = roomName("ap-1", kSecret);
    EXPECT_EQ(a, roomName("ap-1", kSecret));
    EXPECT_EQ(a.size(), 34u);
    for (char c : a) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) << a;
    EXPECT_NE(a, roomName("ap-2", kSecret));
    EXPECT_NE(a, roomName("ap-1", kSecret + "x"));
    EXPECT_EQ(a.find("ap-1"), std::string::npos);  // the id does not show through
}

TEST(RoomName, RefusesAnEmptyIdOrAShortSecret) {
    try {
        roomName("", kSecret);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), "missing_appointment_id");
    }
    try {
        roomName("ap-1", std::string(31, 'k'));
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), "weak_room_secret");
    }
    EXPECT_NO_THROW(roomName("ap-1", std::string(32, 'k')));
}

}  // namespace
}  // namespace rxdesk::guidance
