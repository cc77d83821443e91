#include <gtest/gtest.h>

#include "NotifyTestEnv.h"
#include "core/Error.h"

namespace rxdesk::notify {
namespace {

using test::localSettings;

std::string settingError(const CurlTransportSettings& s) {
    try {
        CurlTransport t(s);
        return "";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), "invalid_notify_settings");
        return e.field();
    }
}

TEST(CurlTransportSettings, RequiresTlsUnlessPlaintextIsAllowed) {
    CurlTransportSettings s;
    s.webhook.url = "http://hooks.example.jp/rx";
    EXPECT_EQ(settingError(s), "webhook.url");
    s.webhook.url = "https://hooks.example.jp/rx";
    EXPECT_EQ(settingError(s), "");
    s.sms.url = "ftp://sms.example.jp/";
    EXPECT_EQ(settingError(s), "sms.url");
    s.sms.url = "http://sms.example.jp/";
    s.allow_plaintext = true;
    EXPECT_EQ(settingError(s), "");
}

TEST(CurlTransportSettings, ChecksSmtpSettings) {
    auto s = localSettings();
    s.smtp.url = "http://mail.example.jp";
    EXPECT_EQ(settingError(s), "smtp.url");
    s.smtp.url = "smtps://mail.example.jp:465";
    EXPECT_EQ(settingError(s), "");
    s.smtp.from_address = "not an address";
    EXPECT_EQ(settingError(s), "smtp.from_address");
    s = localSettings();
    s.smtp.url = "smtp://mail.example.jp:587";
    s.smtp.message_id_domain = "";
    EXPECT_EQ(settingError(s), "smtp.message_id_domain");
}

TEST(CurlTransportSettings, ChecksTimeouts) {
    auto s = localSettings();
    s.total_timeout = std::chrono::milliseconds{0};
    EXPECT_EQ(settingError(s), "timeout_ms");
    s = localSettings();
    EXPECT_EQ(CurlTransport(s).maxSendDuration(), s.total_timeout);
}

TEST(CurlTransport, UnconfiguredChannelIsRetryableSoNothingIsLost) {
    CurlTransport t(localSettings());
    for (auto channel : {Channel::Webhook, Channel::Sms, Channel::Email}) {
        Notification n;
        n.id = "ntf_x";
        n.channel = channel;
        n.recipient = "patient@example.jp";
        n.body = "本文";
        auto r = t.send(n);
        EXPECT_EQ(r.status, SendStatus::RetryableError) << channelCode(channel);
        EXPECT_EQ(r.error_code, "channel_not_configured");
    }
}

}  // namespace
}  // namespace rxdesk::notify
