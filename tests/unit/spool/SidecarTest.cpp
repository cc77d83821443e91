#include <gtest/gtest.h>

#include "core/TokyoTime.h"
#include "spool/Sidecar.h"

namespace rxdesk::spool {
namespace {

TEST(Sidecar, ReadsSenderAndReceivedAt) {
    auto s = parseSidecar("sender=0312345678\nreceived_at=2026-11-21T14:35:00+09:00\n");
    EXPECT_EQ(s.sender_fax, "0312345678");
    EXPECT_EQ(s.received_at, parseIso8601("2026-11-21T05:35:00Z"));
    EXPECT_TRUE(s.warnings.empty());
}

TEST(Sidecar, ToleratesCrlfCommentsBlanksSpacesAndUnknownKeys) {
    auto s = parseSidecar(
        "# written by faxrcvd\r\n\r\n  sender = 03-1234-5678 \r\nstation_id=PHARMACY\r\n"
        "received_at=2026-11-21T05:35:00Z\r\n");
    EXPECT_EQ(s.sender_fax, "0312345678");
    EXPECT_EQ(s.received_at, parseIso8601("2026-11-21T05:35:00Z"));
    EXPECT_TRUE(s.warnings.empty());
}

TEST(Sidecar, NormalisesFaxNumbers) {
    struct Case {
        const char* raw;
        std::optional<std::string> expected;
    } cases[] = {
        {"0312345678", "0312345678"},
        {"03-1234-5678", "0312345678"},
        {"(03) 1234 5678", "0312345678"},
        {"+81 3 1234 5678", "+81312345678"},
        {"12345", std::nullopt},                  // too short
        {"123456789012345678901", std::nullopt},  // too long
        {"03-1234-567X", std::nullopt},           // not a number
        {"03+12345678", std::nullopt},            // "+" only at the start
        {"", std::nullopt},
    };
    for (const auto& c : cases) {
        auto s = parseSidecar(std::string("sender=") + c.raw);
        EXPECT_EQ(s.sender_fax, c.expected) << c.raw;
        EXPECT_EQ(s.warnings.empty(), c.expected.has_value()) << c.raw;
    }
}

TEST(Sidecar, TakesATimeWithoutOffsetAsTokyoTime) {
    auto s = parseSidecar("received_at=2026-11-21T14:35:00");
    EXPECT_EQ(s.received_at, parseIso8601("2026-11-21T05:35:00Z"));
}

TEST(Sidecar, TurnsUnusableLinesIntoWarningsWithoutValues) {
    auto s =
        parseSidecar("garbage\n=x\nsender=call me\nreceived_at=yesterday\nsender=0312345678\n");
    EXPECT_EQ(s.sender_fax, "0312345678");  // the last value wins
    EXPECT_FALSE(s.received_at);
    EXPECT_EQ(s.warnings,
              (std::vector<std::string>{"sidecar_malformed_line", "sidecar_invalid_sender",
                                        "sidecar_invalid_received_at"}));
}

}  // namespace
}  // namespace rxdesk::spool
