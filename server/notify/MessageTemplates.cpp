#include "notify/MessageTemplates.h"

#include <cstdio>

#include "core/Error.h"
#include "core/TokyoTime.h"

namespace rxdesk::notify {
namespace {

bool hasControlCharacters(std::string_view s) {
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) return true;
    return false;
}

std::string header(const MessageContext& c, std::string_view what) {
    return "【" + c.pharmacy_name + "】" + std::string(what);
}

std::string opening(const MessageContext& c) {
    return c.pharmacy_name + "です。\n";
}

std::string closing(const MessageContext& c) {
    std::string s = "\n";
    if (!c.pharmacy_phone.empty())
        s += "ご予約の変更・お問い合わせは薬局までお電話ください（" + c.pharmacy_phone + "）。\n";
    else
        s += "ご予約の変更・お問い合わせは薬局までご連絡ください。\n";
    s += "※このメッセージは送信専用です。返信はできません。\n";
    return s;
}

std::string joinSection() {
    std::string s = "\n予約の時間になりましたら、次のリンクからご参加ください。\n";
    s.append(kJoinLinkPlaceholder).append("\n");
    s += "明るく静かな、ほかの人に聞かれない場所でご参加ください。\n";
    return s;
}

}  // namespace

std::string formatJapaneseDateTime(TimePoint t) {
    static const char* const kWeekdays[] = {"日", "月", "火", "水", "木", "金", "土"};
    const Date d = tokyoDate(t);
    const auto since_midnight = std::chrono::floor<std::chrono::minutes>(t - tokyoTime(d)).count();
    const unsigned weekday = std::chrono::weekday{std::chrono::sys_days{d}}.c_encoding();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%d年%u月%u日（%s）%02d:%02d", int(d.year()),
                  unsigned(d.month()), unsigned(d.day()), kWeekdays[weekday],
                  int(since_midnight / 60), int(since_midnight % 60));
    return buf;
}

Message renderMessage(NotificationKind kind, const MessageContext& c) {
    if (c.pharmacy_name.empty())
        throw Error(ErrorKind::BadRequest, "missing_pharmacy_name",
                    "messages need the pharmacy name", "pharmacy_name");
    if (hasControlCharacters(c.pharmacy_name) || hasControlCharacters(c.pharmacy_phone))
        throw Error(ErrorKind::BadRequest, "invalid_pharmacy_name",
                    "the pharmacy name or phone contains control characters", "pharmacy_name");

    const std::string when =
        "日時：" + formatJapaneseDateTime(c.appointment_start) + "（日本時間）\n";
    Message m;
    switch (kind) {
        case NotificationKind::BookingConfirmation:
            m.subject = header(c, "オンライン服薬指導のご予約を承りました");
            m.body = opening(c) + "オンライン服薬指導のご予約を承りました。\n\n" + when +
                     joinSection() + closing(c);
            break;
        case NotificationKind::Reminder:
            m.subject = header(c, "オンライン服薬指導のご予約日時のお知らせ");
            m.body = opening(c) + "オンライン服薬指導のご予約日時が近づいています。\n\n" + when +
                     joinSection() + closing(c);
            break;
        case NotificationKind::Change:
            m.subject = header(c, "オンライン服薬指導のご予約日時を変更しました");
            m.body = opening(c) + "オンライン服薬指導のご予約日時を変更しました。\n\n";
            if (c.previous_start)
                m.body += "変更前：" + formatJapaneseDateTime(*c.previous_start) + "\n";
            m.body += "変更後：" + formatJapaneseDateTime(c.appointment_start) + "（日本時間）\n" +
                      joinSection() + closing(c);
            break;
        case NotificationKind::Cancellation:
            m.subject = header(c, "オンライン服薬指導のご予約を取り消しました");
            m.body = opening(c) + "次のオンライン服薬指導のご予約を取り消しました。\n\n" + when +
                     closing(c);
            break;
    }
    return m;
}

std::string fillJoinLink(std::string_view body, std::string_view join_link) {
    const std::string_view replacement = join_link.empty() ? kJoinLinkFallbackJa : join_link;
    std::string out;
    out.reserve(body.size() + replacement.size());
    std::size_t pos = 0;
    for (;;) {
        const auto found = body.find(kJoinLinkPlaceholder, pos);
        if (found == std::string_view::npos) break;
        out.append(body.substr(pos, found - pos)).append(replacement);
        pos = found + kJoinLinkPlaceholder.size();
    }
    out.append(body.substr(pos));
    return out;
}

}  // namespace rxdesk::notify
