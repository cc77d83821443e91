#pragma once

#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <memory>
#include <set>

#include "core/TokyoTime.h"
#include "http/RequestContext.h"
#include "integration/intake/IntakeFixture.h"
#include "integration/notify/FakeHttpUpstream.h"
#include "prescription_json/PrescriptionJson.h"

namespace rxdesk::testing {

inline const std::string kJwtSecret = "guidance-jwt-secret-0123456789abcdef-xyz";
inline const std::string kRoomSecret = "guidance-room-secret-0123456789abcdef-xyz";

inline TimePoint at(const std::string& iso) {
    auto t = parseIso8601(iso);
    EXPECT_TRUE(t.has_value()) << iso;
    return t.value_or(TimePoint{});
}

inline std::string json(const Poco::JSON::Object& o) {
    return http::toJson(o);
}

inline Poco::JSON::Object::Ptr parse(const std::string& text) {
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

/// Settings of a guidance test server: video on (HS256), webhook notifications to `upstream`,
/// the dispatcher not started (tests drive it with notificationPump().runNow()).
inline void guidanceSettings(app::Settings& s, const notify::test::FakeHttpUpstream& upstream) {
    s.guidance.pharmacy_name = "さくら薬局 駅前店";
    s.guidance.public_base_url = "https://rxdesk.example.jp";
    s.guidance.video.video_domain = "meet.example.jp";
    s.guidance.video.issuer = "rxdesk";
    s.guidance.video.audience = "jitsi";
    s.guidance.video.hmac_secret = kJwtSecret;
    s.guidance.video.room_secret = kRoomSecret;
    s.notify.transport.webhook.url = upstream.url("/hooks/rxdesk");
    s.notify.transport.allow_plaintext = true;
    s.notify.transport.connect_timeout = std::chrono::milliseconds(1000);
    s.notify.transport.total_timeout = std::chrono::milliseconds(3000);
    s.notify.lease = std::chrono::seconds(60);
    s.notify.poll_interval = std::chrono::milliseconds(50);
    // Tests move the clock by days; sessions must survive that.
    s.auth.idle_timeout_seconds = s.auth.absolute_timeout_seconds = 400LL * 24 * 3600;
}

/// An IntakeFixture with guidance settings, a second pharmacist and an admin, a weekly
/// schedule for yamada (Mon–Fri 09:00–12:00 and 13:00–17:00, break 10:00–10:20, 10-minute
/// slots every 15 minutes, 30-minute cut-off; 2026-09-23 off; Saturday 2026-09-26 10:00–11:00
/// extra), and helpers to create prescriptions of distinct patients and book them.
struct GuidanceFixture {
    /// Shared so that it can outlive the server (restart tests).
    std::shared_ptr<notify::test::FakeHttpUpstream> upstream_ptr;
    notify::test::FakeHttpUpstream& upstream;
    IntakeFixture f;
    Staff sato = f.server.createStaff("sato", auth::Role::Pharmacist);
    Staff admin = f.server.createStaff("kanri", auth::Role::Admin);
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    TestClient clerk = f.server.loggedIn(f.clerk);
    int patients = 0;

    explicit GuidanceFixture(
        std::function<void(app::Settings&)> extra = {},
        std::shared_ptr<notify::test::FakeHttpUpstream> shared_upstream = nullptr)
        : upstream_ptr(shared_upstream ? shared_upstream
                                       : std::make_shared<notify::test::FakeHttpUpstream>()),
          upstream(*upstream_ptr),
          f(IntakeFixture::withSettings([this, extra](app::Settings& s) {
              guidanceSettings(s, upstream);
              if (extra) extra(s);
          })) {
        // The clock starts at 2026-09-21 23:13 Tokyo (a Monday).
        Response r = pharmacist.request("PUT", "/api/v1/guidance/pharmacists/yamada/schedule",
                                        standardSchedule());
        EXPECT_EQ(r.status, 200) << r.body;
    }

    static std::string standardSchedule() {
        return R"({"slot_minutes":10,"buffer_minutes":5,"cutoff_minutes":30,
          "weekly":{
            "mon":{"hours":[{"begin":"09:00","end":"12:00"},{"begin":"13:00","end":"17:00"}],"breaks":[{"begin":"10:00","end":"10:20"}]},
            "tue":{"hours":[{"begin":"09:00","end":"12:00"},{"begin":"13:00","end":"17:00"}],"breaks":[{"begin":"10:00","end":"10:20"}]},
            "wed":{"hours":[{"begin":"09:00","end":"12:00"},{"begin":"13:00","end":"17:00"}],"breaks":[{"begin":"10:00","end":"10:20"}]},
            "thu":{"hours":[{"begin":"09:00","end":"12:00"},{"begin":"13:00","end":"17:00"}],"breaks":[{"begin":"10:00","end":"10:20"}]},
            "fri":{"hours":[{"begin":"09:00","end":"12:00"},{"begin":"13:00","end":"17:00"}],"breaks":[{"begin":"10:00","end":"10:20"}]}},
          "exceptions":[{"date":"2026-09-23","kind":"day_off"},
                        {"date":"2026-09-26","kind":"extra_hours","begin":"10:00","end":"11:00"}]})";
    }

    /// A prescription of a new patient (unless `same_patient`), pushed by the clinic; its id.
    std::int64_t prescription(bool same_patient = false) {
        auto rx = f.prescription("RX-G" + std::to_string(++patients));
        if (!same_patient) {
            rx.patient.kana = "ｶﾝｼﾞｬ " + std::to_string(patients);
            rx.patient.kanji = "患者 " + std::to_string(patients) + "号";
        }
        Poco::JSON::Object o;
        o.set("client_reference", "guidance-" + std::to_string(patients));
        o.set("prescription", prescription_json::encodePrescription(rx));
        Response r = f.clinic.post("/api/v1/prescriptions", json(o));
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status == 201 ? r.json()->getValue<std::int64_t>("id") : 0;
    }

    static std::string booking(std::int64_t prescription_id, const std::string& pharmacist,
                               const std::string& start, bool with_contact = true) {
        Poco::JSON::Object o;
        o.set("prescription_id", prescription_id);
        o.set("pharmacist", pharmacist);
        o.set("start", start);
        o.set("patient_initials", "Y.T.");
        if (with_contact) {
            Poco::JSON::Object c;
            c.set("channel", "webhook");
            c.set("address", "line:U-patient-" + std::to_string(prescription_id));
            o.set("contact", c);
        }
        return json(o);
    }

    /// Books and returns the appointment id (0 on failure).
    std::int64_t book(std::int64_t prescription_id, const std::string& start,
                      const std::string& pharmacist_login = "yamada") {
        Response r = clerk.post("/api/v1/guidance/appointments",
                                booking(prescription_id, pharmacist_login, start));
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status == 201 ? r.json()->getValue<std::int64_t>("id") : 0;
    }

    /// Resolves error findings, verifies and dispenses the prescription.
    void dispense(std::int64_t id) {
        const std::string base = "/api/v1/prescriptions/" + std::to_string(id);
        auto view = pharmacist.get(base).json();
        auto findings = view->getArray("findings");
        for (size_t i = 0; i < findings->size(); ++i) {
            auto finding = findings->getObject(i);
            if (finding->getValue<std::string>("severity") != "error") continue;
            pharmacist.post(
                base + "/findings/" + std::to_string(finding->getValue<int>("id")) + "/resolve",
                R"({"resolution":"確認済み"})");
        }
        for (const char* action : {"verify", "dispense"}) {
            int version = pharmacist.get(base).json()->getValue<int>("version");
            Response r = pharmacist.post(base + "/actions/" + action,
                                         "{\"version\":" + std::to_string(version) + "}");
            ASSERT_EQ(r.status, 200) << action << ": " << r.body;
        }
    }

    std::string prescriptionStatus(std::int64_t id) {
        return pharmacist.get("/api/v1/prescriptions/" + std::to_string(id))
            .json()
            ->getValue<std::string>("status");
    }
};

}  // namespace rxdesk::testing
