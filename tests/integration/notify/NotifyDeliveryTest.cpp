#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>
#include <gtest/gtest.h>

#include "FakeHttpUpstream.h"
#include "FakeSmtpServer.h"
#include "NotifyTestEnv.h"
#include "notify/ReminderPlanner.h"
#include "unit/notify/MailParsing.h"

namespace rxdesk::notify {
namespace {

using namespace std::chrono_literals;
using test::at;
using test::FakeHttpUpstream;
using test::FakeSmtpServer;
using test::rendered;

const TimePoint kStart = at("2026-11-24T14:30:00+09:00");
const TimePoint kBooked = at("2026-11-20T10:00:00+09:00");
constexpr const char* kPhone = "090-1234-5678";

Poco::JSON::Object::Ptr json(const std::string& body) {
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

std::map<std::string, std::string> form(const std::string& body) {
    std::map<std::string, std::string> out;
    std::size_t pos = 0;
    while (pos <= body.size()) {
        auto amp = body.find('&', pos);
        if (amp == std::string::npos) amp = body.size();
        const auto pair = body.substr(pos, amp - pos);
        const auto eq = pair.find('=');
        std::string value;
        Poco::URI::decode(pair.substr(eq + 1), value, true);
        out[pair.substr(0, eq)] = value;
        pos = amp + 1;
    }
    return out;
}

/// Everything one test needs: upstream stand-ins, a real CurlTransport, an in-memory outbox,
/// a hand-moved clock and a Dispatcher.
struct Env {
    FakeHttpUpstream http;
    FakeSmtpServer smtp;
    InMemoryOutboxStore store;
    testing::ManualClock clock{kBooked};
    CurlTransportSettings transport_settings = test::localSettings();
    DispatcherSettings dispatcher_settings;
    std::unique_ptr<CurlTransport> transport;
    std::unique_ptr<Dispatcher> dispatcher;

    Env() {
        transport_settings.webhook.url = http.url("/hooks/rxdesk");
        transport_settings.webhook.auth_header = "X-Webhook-Token";
        transport_settings.webhook.auth_value = "hook-secret";
        transport_settings.sms.url = http.url("/sms/send");
        transport_settings.sms.api_token = "sms-token";
        transport_settings.sms.sender_id = "SAKURA";
        transport_settings.smtp.url = smtp.url();
        dispatcher_settings.join_link = [](const Notification& n) -> std::optional<std::string> {
            return "https://meet.example.jp/rx" + n.appointment_id + "?jwt=token";
        };
        start();
    }

    void start() {
        transport = std::make_unique<CurlTransport>(transport_settings);
        dispatcher = std::make_unique<Dispatcher>(store, *transport, clock, dispatcher_settings);
    }

    std::string enqueue(const Notification& n) {
        return store.enqueue(n, clock.now()).notification.id;
    }
    Notification row(const std::string& id) { return *store.find(id); }
};

Notification confirmation(Channel channel, const std::string& recipient) {
    return rendered(NotificationKind::BookingConfirmation, channel, recipient, "a-17", kStart,
                    kBooked);
}

TEST(NotifyDelivery, ConfirmationIsSentOnceWithTheIdempotencyHeader) {
    Env env;
    const auto id = env.enqueue(confirmation(Channel::Webhook, "line:U123"));
    // The booking handler retried: the same confirmation is not enqueued again.
    EXPECT_FALSE(
        env.store.enqueue(confirmation(Channel::Webhook, "line:U123"), env.clock.now()).created);

    auto stats = env.dispatcher->drain();
    EXPECT_EQ(stats.sent, 1u);
    env.clock.advance(24h);
    env.dispatcher->drain();

    const auto requests = env.http.requests();
    ASSERT_EQ(requests.size(), 1u);
    const auto& r = requests[0];
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.uri, "/hooks/rxdesk");
    EXPECT_EQ(r.header("idempotency-key"), id);
    EXPECT_EQ(r.header("x-webhook-token"), "hook-secret");
    EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
    auto payload = json(r.body);
    EXPECT_EQ(payload->getValue<std::string>("id"), id);
    EXPECT_EQ(payload->getValue<std::string>("kind"), "booking_confirmation");
    EXPECT_EQ(payload->getValue<std::string>("recipient"), "line:U123");
    EXPECT_EQ(payload->getValue<std::string>("subject"),
              "【さくら薬局 駅前店】オンライン服薬指導のご予約を承りました");
    const auto body = payload->getValue<std::string>("body");
    EXPECT_NE(body.find("2026年11月24日（火）14:30"), std::string::npos);
    EXPECT_NE(body.find("https://meet.example.jp/rxa-17?jwt=token"), std::string::npos);
    EXPECT_EQ(body.find(kJoinLinkPlaceholder), std::string::npos);
    EXPECT_EQ(env.row(id).state, NotificationState::Sent);
    EXPECT_EQ(env.row(id).attempts, 1);
}

TEST(NotifyDelivery, UpstreamDownIsRetriedWithBackoffAndSentOnceWhenBack) {
    Env env;
    env.http.failNext(3, 503);
    const auto id = env.enqueue(confirmation(Channel::Sms, kPhone));

    std::vector<std::chrono::seconds> waits;
    for (int round = 0; round < 10; ++round) {
        env.dispatcher->runOnce();
        const auto n = env.row(id);
        if (n.state != NotificationState::Pending) break;
        EXPECT_EQ(n.last_error_code, "http_503");
        waits.push_back(
            std::chrono::duration_cast<std::chrono::seconds>(n.next_attempt_at - env.clock.now()));
        env.clock.advance(1s);
        EXPECT_EQ(env.dispatcher->runOnce().claimed, 0u) << "retried before the backoff";
        env.clock.set(n.next_attempt_at);
    }
    EXPECT_EQ(waits, (std::vector<std::chrono::seconds>{30s, 60s, 120s}));
    EXPECT_EQ(env.row(id).state, NotificationState::Sent);
    EXPECT_EQ(env.row(id).attempts, 4);

    const auto requests = env.http.requests();
    ASSERT_EQ(requests.size(), 4u);
    for (const auto& r : requests) {
        EXPECT_EQ(r.header("idempotency-key"), id);
        EXPECT_EQ(r.header("authorization"), "Bearer sms-token");
        auto payload = json(r.body);
        EXPECT_EQ(payload->getValue<std::string>("to"), kPhone);
        EXPECT_EQ(payload->getValue<std::string>("from"), "SAKURA");
        EXPECT_NE(payload->getValue<std::string>("text").find("ご予約を承りました"),
                  std::string::npos);
    }
}

TEST(NotifyDelivery, SlowUpstreamTimesOutAndIsRetried) {
    Env env;
    env.transport_settings.total_timeout = 500ms;
    env.start();
    env.http.delayNext(1, 1500ms);
    const auto id = env.enqueue(confirmation(Channel::Webhook, "line:U123"));

    env.dispatcher->runOnce();
    EXPECT_EQ(env.row(id).state, NotificationState::Pending);
    EXPECT_EQ(env.row(id).last_error_code, "curl_timeout");
    env.clock.advance(30s);
    env.dispatcher->runOnce();
    EXPECT_EQ(env.row(id).state, NotificationState::Sent);
    // The upstream saw both; the key lets it drop the one it may have processed late.
    const auto requests = env.http.requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].header("idempotency-key"), requests[1].header("idempotency-key"));
}

TEST(NotifyDelivery, ConnectionResetIsRetried) {
    Env env;
    env.http.resetNext(1);
    const auto id = env.enqueue(confirmation(Channel::Sms, kPhone));
    env.dispatcher->runOnce();
    const auto n = env.row(id);
    EXPECT_EQ(n.state, NotificationState::Pending);
    EXPECT_EQ(n.last_error_code.rfind("curl_", 0), 0u) << n.last_error_code;
    env.clock.advance(30s);
    env.dispatcher->runOnce();
    EXPECT_EQ(env.row(id).state, NotificationState::Sent);
    EXPECT_EQ(env.http.requests().size(), 2u);
}

TEST(NotifyDelivery, UnreachableUpstreamIsRetryable) {
    Env env;
    env.transport_settings.webhook.url =
        "http://127.0.0.1:" + std::to_string(test::closedPort()) + "/hooks";
    env.start();
    const auto id = env.enqueue(confirmation(Channel::Webhook, "line:U123"));
    env.dispatcher->runOnce();
    EXPECT_EQ(env.row(id).state, NotificationState::Pending);
    EXPECT_EQ(env.row(id).last_error_code, "curl_connect");
}

TEST(NotifyDelivery, CrashAfterClaimIsResentAfterLeaseExpiryWithTheSameKey) {
    Env env;
    const auto id = env.enqueue(confirmation(Channel::Webhook, "line:U123"));

    // A dispatcher claims, the upstream gets the message, and the process dies before
    // complete(): the row stays "sending" under a lease.
    auto claims = env.store.claimDue(env.clock.now(), 10, env.dispatcher_settings.lease);
    ASSERT_EQ(claims.size(), 1u);
    Notification outgoing = claims[0];
    outgoing.body = fillJoinLink(outgoing.body, "https://meet.example.jp/rxa-17?jwt=token");
    EXPECT_EQ(env.transport->send(outgoing).status, SendStatus::Delivered);
    EXPECT_EQ(env.row(id).state, NotificationState::Sending);

    // The restarted dispatcher leaves it alone while the lease holds, then re-sends it.
    env.clock.advance(env.dispatcher_settings.lease - 1s);
    EXPECT_EQ(env.dispatcher->runOnce().claimed, 0u);
    EXPECT_EQ(env.http.requests().size(), 1u);
    env.clock.advance(1s);
    EXPECT_EQ(env.dispatcher->runOnce().sent, 1u);

    const auto requests = env.http.requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].header("idempotency-key"), id);
    EXPECT_EQ(requests[1].header("idempotency-key"), id);
    EXPECT_EQ(json(requests[0].body)->getValue<std::string>("body"),
              json(requests[1].body)->getValue<std::string>("body"));
    EXPECT_EQ(env.row(id).state, NotificationState::Sent);
    EXPECT_EQ(env.row(id).attempts, 2);

    env.clock.advance(24h);
    env.dispatcher->drain();
    EXPECT_EQ(env.http.requests().size(), 2u);
}

TEST(NotifyDelivery, PermanentRejectionFailsPermanently) {
    Env env;
    env.http.failNext(1, 400);
    const auto id = env.enqueue(confirmation(Channel::Sms, kPhone));
    EXPECT_EQ(env.dispatcher->runOnce().failed, 1u);
    EXPECT_EQ(env.row(id).state, NotificationState::FailedPermanently);
    EXPECT_EQ(env.row(id).last_error_code, "http_400");
    env.clock.advance(24h);
    env.dispatcher->drain();
    EXPECT_EQ(env.http.requests().size(), 1u);
}

TEST(NotifyDelivery, TooManyRequestsIsRetriedNotFailed) {
    Env env;
    env.http.failNext(1, 429);
    const auto id = env.enqueue(confirmation(Channel::Sms, kPhone));
    env.dispatcher->runOnce();
    EXPECT_EQ(env.row(id).state, NotificationState::Pending);
    EXPECT_EQ(env.row(id).last_error_code, "http_429");
}

TEST(NotifyDelivery, SmsAsFormWithTokenHeader) {
    Env env;
    env.transport_settings.sms.format = SmsBodyFormat::Form;
    env.transport_settings.sms.token_header = "X-Api-Key";
    env.transport_settings.sms.token_prefix = "";
    env.transport_settings.sms.text_field = "message";
    env.start();
    const auto n = confirmation(Channel::Sms, "+819012345678");
    const auto id = env.enqueue(n);
    env.dispatcher->runOnce();
    ASSERT_EQ(env.http.requests().size(), 1u);
    const auto r = env.http.requests()[0];
    EXPECT_EQ(r.header("x-api-key"), "sms-token");
    EXPECT_EQ(r.header("idempotency-key"), id);
    EXPECT_EQ(r.header("content-type"), "application/x-www-form-urlencoded; charset=utf-8");
    auto fields = form(r.body);
    EXPECT_EQ(fields["to"], "+819012345678");
    EXPECT_EQ(fields["from"], "SAKURA");
    EXPECT_EQ(fields["message"], fillJoinLink(n.body, "https://meet.example.jp/rxa-17?jwt=token"));
}

TEST(NotifyDelivery, SmsToSomethingThatIsNotAPhoneNumberFailsWithoutARequest) {
    Env env;
    const auto id = env.enqueue(confirmation(Channel::Sms, "patient@example.jp"));
    env.dispatcher->runOnce();
    EXPECT_EQ(env.row(id).state, NotificationState::FailedPermanently);
    EXPECT_EQ(env.row(id).last_error_code, "invalid_recipient");
    EXPECT_TRUE(env.http.requests().empty());
}

TEST(NotifyDelivery, EmailIsRelayedAndTheJapaneseSubjectParsesBack) {
    Env env;
    const auto n = confirmation(Channel::Email, "patient@example.jp");
    const auto id = env.enqueue(n);
    EXPECT_EQ(env.dispatcher->runOnce().sent, 1u);

    const auto messages = env.smtp.messages();
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0].mail_from, "<noreply@sakura-pharmacy.example.jp>");
    EXPECT_EQ(messages[0].rcpt_to, (std::vector<std::string>{"<patient@example.jp>"}));
    const auto mail = test::parseMail(messages[0].data);
    EXPECT_EQ(test::decodeRfc2047(mail.headers.at("Subject")),
              "【さくら薬局 駅前店】オンライン服薬指導のご予約を承りました");
    EXPECT_EQ(test::decodeRfc2047(mail.headers.at("From")),
              "さくら薬局 <noreply@sakura-pharmacy.example.jp>");
    EXPECT_EQ(mail.headers.at("To"), "<patient@example.jp>");
    EXPECT_EQ(mail.headers.at("Message-ID"), "<" + id + "@rxdesk.example.jp>");
    EXPECT_EQ(mail.headers.at("Content-Type"), "text/plain; charset=UTF-8");
    const auto body = test::base64Decode(mail.body);
    EXPECT_NE(body.find("2026年11月24日（火）14:30（日本時間）\r\n"), std::string::npos);
    EXPECT_NE(body.find("https://meet.example.jp/rxa-17?jwt=token"), std::string::npos);
    EXPECT_EQ(env.row(id).state, NotificationState::Sent);
}

TEST(NotifyDelivery, SmtpRecipientRefusalIsPermanentFor5xxAndRetryableFor4xx) {
    struct Case {
        int code;
        NotificationState state;
        const char* error;
    } cases[] = {
        {550, NotificationState::FailedPermanently, "smtp_550"},
        {451, NotificationState::Pending, "smtp_451"},
    };
    for (const auto& c : cases) {
        Env env;
        env.smtp.rejectRecipients(c.code);
        const auto id = env.enqueue(confirmation(Channel::Email, "patient@example.jp"));
        env.dispatcher->runOnce();
        EXPECT_EQ(env.row(id).state, c.state) << c.code;
        EXPECT_EQ(env.row(id).last_error_code, c.error) << c.code;
        EXPECT_TRUE(env.smtp.messages().empty());
    }
}

TEST(NotifyDelivery, SmtpRelayDownIsRetryable) {
    Env env;
    env.transport_settings.smtp.url = "smtp://127.0.0.1:" + std::to_string(test::closedPort());
    env.start();
    const auto id = env.enqueue(confirmation(Channel::Email, "patient@example.jp"));
    env.dispatcher->runOnce();
    EXPECT_EQ(env.row(id).state, NotificationState::Pending);
    EXPECT_EQ(env.row(id).last_error_code, "curl_connect");
}

TEST(NotifyDelivery, RemindersArePlannedAndNeverEnqueuedTwice) {
    Env env;
    auto enqueueReminders = [&] {
        std::size_t created = 0;
        for (auto due : planReminders(kStart, kDefaultReminderOffsets, env.clock.now())) {
            auto n =
                rendered(NotificationKind::Reminder, Channel::Sms, kPhone, "a-17", kStart, due);
            created += env.store.enqueue(n, env.clock.now()).created ? 1 : 0;
        }
        return created;
    };
    EXPECT_EQ(enqueueReminders(), 2u);
    EXPECT_EQ(enqueueReminders(), 0u);  // e.g. the booking request was retried

    // Nothing before the day-before reminder.
    env.clock.set(at("2026-11-23T14:29:00+09:00"));
    EXPECT_EQ(env.dispatcher->drain().claimed, 0u);
    env.clock.set(at("2026-11-23T14:30:00+09:00"));
    EXPECT_EQ(env.dispatcher->drain().sent, 1u);
    EXPECT_EQ(enqueueReminders(), 0u);  // replanning later adds nothing (the 15-min one exists)
    env.clock.set(at("2026-11-24T14:15:00+09:00"));
    EXPECT_EQ(env.dispatcher->drain().sent, 1u);
    env.clock.set(at("2026-11-24T16:00:00+09:00"));
    EXPECT_EQ(env.dispatcher->drain().claimed, 0u);

    const auto requests = env.http.requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_NE(requests[0].header("idempotency-key"), requests[1].header("idempotency-key"));
    for (const auto& r : requests)
        EXPECT_NE(json(r.body)->getValue<std::string>("text").find("ご予約日時が近づいています"),
                  std::string::npos);
}

TEST(NotifyDelivery, RescheduledAppointmentCancelsOldRemindersAndPlansNewOnes) {
    Env env;
    const auto new_start = at("2026-11-25T10:00:00+09:00");
    for (auto due : planReminders(kStart, kDefaultReminderOffsets, env.clock.now()))
        env.enqueue(
            rendered(NotificationKind::Reminder, Channel::Sms, kPhone, "a-17", kStart, due));
    EXPECT_EQ(env.store.cancelPending("a-17", {NotificationKind::Reminder}, env.clock.now()), 2u);
    for (auto due : planReminders(new_start, kDefaultReminderOffsets, env.clock.now()))
        env.enqueue(
            rendered(NotificationKind::Reminder, Channel::Sms, kPhone, "a-17", new_start, due));

    // The old 15-minute reminder time passes: nothing goes out for the old slot.
    env.clock.set(at("2026-11-24T14:15:00+09:00"));
    env.dispatcher->drain();
    env.clock.set(at("2026-11-25T09:45:00+09:00"));
    env.dispatcher->drain();
    const auto requests = env.http.requests();
    ASSERT_EQ(requests.size(), 2u);
    for (const auto& r : requests)
        EXPECT_NE(json(r.body)->getValue<std::string>("text").find("2026年11月25日（水）10:00"),
                  std::string::npos);
}

TEST(NotifyDelivery, ReminderHeldUpPastTheAppointmentIsNotSent) {
    Env env;
    const auto due = kStart - 15min;
    const auto id = env.enqueue(
        rendered(NotificationKind::Reminder, Channel::Sms, kPhone, "a-17", kStart, due));
    env.http.failNext(1, 503);
    env.clock.set(due);
    env.dispatcher->runOnce();
    EXPECT_EQ(env.row(id).state, NotificationState::Pending);
    env.clock.set(kStart + 1min);  // the upstream came back too late
    env.dispatcher->runOnce();
    EXPECT_EQ(env.row(id).state, NotificationState::FailedPermanently);
    EXPECT_EQ(env.row(id).last_error_code, "expired");
    EXPECT_EQ(env.http.requests().size(), 1u);
}

}  // namespace
}  // namespace rxdesk::notify
