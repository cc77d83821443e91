#include <gtest/gtest.h>

#include "NotifyTestSupport.h"
#include "core/Error.h"
#include "core/TextEncoding.h"
#include "notify/MessageTemplates.h"

namespace rxdesk::notify {
namespace {

using test::at;

MessageContext context() {
    MessageContext c;
    c.pharmacy_name = "さくら薬局 駅前店";
    c.pharmacy_phone = "03-1234-5678";
    c.appointment_start = at("2026-11-24T05:30:00Z");  // 14:30 in Tokyo
    return c;
}

bool contains(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

TEST(MessageTemplates, FormatsDateAndTimeInTokyo) {
    EXPECT_EQ(formatJapaneseDateTime(at("2026-11-24T05:30:00Z")), "2026年11月24日（火）14:30");
    // 23:30 UTC is already the next day in Tokyo.
    EXPECT_EQ(formatJapaneseDateTime(at("2026-11-24T23:30:00Z")), "2026年11月25日（水）08:30");
    EXPECT_EQ(formatJapaneseDateTime(at("2027-01-03T00:05:00+09:00")), "2027年1月3日（日）00:05");
}

TEST(MessageTemplates, EveryKindNamesThePharmacyAndTheTokyoTime) {
    for (auto kind : {NotificationKind::BookingConfirmation, NotificationKind::Reminder,
                      NotificationKind::Change, NotificationKind::Cancellation}) {
        const auto m = renderMessage(kind, context());
        EXPECT_TRUE(contains(m.subject, "【さくら薬局 駅前店】")) << kindCode(kind);
        EXPECT_TRUE(contains(m.subject, "オンライン服薬指導")) << kindCode(kind);
        EXPECT_TRUE(contains(m.body, "さくら薬局 駅前店です。")) << kindCode(kind);
        EXPECT_TRUE(contains(m.body, "2026年11月24日（火）14:30")) << kindCode(kind);
        EXPECT_TRUE(contains(m.body, "03-1234-5678")) << kindCode(kind);
        EXPECT_TRUE(isValidUtf8(m.subject) && isValidUtf8(m.body)) << kindCode(kind);
        EXPECT_FALSE(contains(m.subject, "\n")) << kindCode(kind);
    }
}

TEST(MessageTemplates, SubjectsTellTheKindsApart) {
    struct Case {
        NotificationKind kind;
        const char* subject_part;
        bool has_join_link;
    } cases[] = {
        {NotificationKind::BookingConfirmation, "ご予約を承りました", true},
        {NotificationKind::Reminder, "ご予約日時のお知らせ", true},
        {NotificationKind::Change, "ご予約日時を変更しました", true},
        {NotificationKind::Cancellation, "ご予約を取り消しました", false},
    };
    for (const auto& c : cases) {
        const auto m = renderMessage(c.kind, context());
        EXPECT_TRUE(contains(m.subject, c.subject_part)) << kindCode(c.kind);
        EXPECT_EQ(contains(m.body, kJoinLinkPlaceholder), c.has_join_link) << kindCode(c.kind);
    }
}

TEST(MessageTemplates, ChangeShowsTheOldAndNewTimes) {
    auto c = context();
    c.previous_start = at("2026-11-23T01:00:00Z");
    const auto m = renderMessage(NotificationKind::Change, c);
    EXPECT_TRUE(contains(m.body, "変更前：2026年11月23日（月）10:00"));
    EXPECT_TRUE(contains(m.body, "変更後：2026年11月24日（火）14:30"));
}

TEST(MessageTemplates, LeavesOutThePhoneLineWhenThereIsNoPhone) {
    auto c = context();
    c.pharmacy_phone.clear();
    const auto m = renderMessage(NotificationKind::Reminder, c);
    EXPECT_FALSE(contains(m.body, "お電話"));
    EXPECT_TRUE(contains(m.body, "薬局までご連絡ください"));
}

TEST(MessageTemplates, NeedsAPharmacyNameWithoutControlCharacters) {
    auto c = context();
    c.pharmacy_name.clear();
    EXPECT_THROW(renderMessage(NotificationKind::Reminder, c), Error);
    c.pharmacy_name = "薬局\r\nBcc: x@example.jp";
    EXPECT_THROW(renderMessage(NotificationKind::Reminder, c), Error);
}

TEST(MessageTemplates, FillsTheJoinLinkOrAFallback) {
    const std::string body = "a {{join_link}} b {{join_link}}";
    EXPECT_EQ(fillJoinLink(body, "https://meet.example.jp/rx1?jwt=t"),
              "a https://meet.example.jp/rx1?jwt=t b https://meet.example.jp/rx1?jwt=t");
    EXPECT_EQ(fillJoinLink(body, ""),
              "a " + std::string(kJoinLinkFallbackJa) + " b " + std::string(kJoinLinkFallbackJa));
    EXPECT_EQ(fillJoinLink("no link", "x"), "no link");
}

}  // namespace
}  // namespace rxdesk::notify
