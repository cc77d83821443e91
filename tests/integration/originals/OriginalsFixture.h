#pragma once

#include <chrono>

#include "integration/intake/IntakeFixture.h"

namespace rxdesk::testing {

/// IntakeFixture plus the steps of the originals workflow: faxes in, dispensing through the
/// lifecycle API, scans of originals, and moving the clock to a day in Asia/Tokyo.
struct OriginalsFixture : IntakeFixture {
    using IntakeFixture::IntakeFixture;

    /// Sets the clock to 10:00 in Tokyo on `date`. Only forwards: TOTP codes must not repeat.
    void setDay(Date date, int hour = 10) { server.clock().set(tokyoTime(date, hour * 60)); }

    static Date day(int y, unsigned m, unsigned d) {
        return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    }

    /// Faxes `rx` in; returns the prescription id.
    std::string faxIn(const prescription::Prescription& rx) {
        Response r = sendFax(faxOf(rx));
        EXPECT_EQ(r.status, 201) << r.body;
        return std::to_string(r.json()->getValue<std::int64_t>("id"));
    }

    /// The same prescription with its QR code elsewhere on the page: other bytes, same content.
    std::string originalOf(const prescription::Prescription& rx) {
        using namespace imaging::fixtures;
        auto page = a4Page();
        drawQr(page, encodeQr(*utf8ToCp932(jahis::JahisWriter::write(rx))), 420, 600, 5);
        return writeBilevelTiff({page}, 200, 200);
    }

    int version(TestClient& c, const std::string& id) {
        return c.get("/api/v1/prescriptions/" + id).json()->getValue<int>("version");
    }

    Response act(TestClient& c, const std::string& id, const std::string& action) {
        return c.post("/api/v1/prescriptions/" + id + "/actions/" + action,
                      "{\"version\":" + std::to_string(version(c, id)) + "}");
    }

    /// Resolves the error findings, verifies and dispenses (as a pharmacist, today).
    void dispense(const std::string& id) {
        TestClient p = server.loggedIn(pharmacist);
        auto findings = p.get("/api/v1/prescriptions/" + id).json()->getArray("findings");
        for (size_t i = 0; i < findings->size(); ++i) {
            auto finding = findings->getObject(i);
            if (finding->getValue<std::string>("severity") != "error") continue;
            p.post("/api/v1/prescriptions/" + id + "/findings/" +
                       std::to_string(finding->getValue<int>("id")) + "/resolve",
                   R"({"resolution":"処方医に確認済み"})");
        }
        for (const char* step : {"verify", "dispense"}) {
            Response r = act(p, id, step);
            ASSERT_EQ(r.status, 200) << step << ": " << r.body;
        }
    }

    /// dispense(), then guidance, hand-over and completion: the prescription is "completed".
    void complete(const std::string& id) {
        dispense(id);
        TestClient p = server.loggedIn(pharmacist);
        for (const char* step : {"record_guidance", "hand_over", "complete"}) {
            Response r = act(p, id, step);
            ASSERT_EQ(r.status, 200) << step << ": " << r.body;
        }
    }

    /// Posts a scan of the original of prescription `id` at `version`.
    Response scanOriginal(TestClient& c, const std::string& id, int version,
                          const std::string& tiff) {
        return c.request(
            "POST", "/api/v1/prescriptions/" + id + "/original?version=" + std::to_string(version),
            tiff, "image/tiff");
    }

    /// Registers the clinic of the sample prescription (institution 1311234567, the fax
    /// number sendFax uses); returns its id.
    std::string registerClinic(std::optional<int> deadline_days = std::nullopt) {
        TestClient p = server.loggedIn(pharmacist);
        std::string body =
            R"({"institution_code":"1311234567","name":"医療法人 工業会病院","fax_numbers":["03-1111-2222"])";
        if (deadline_days) body += ",\"original_deadline_days\":" + std::to_string(*deadline_days);
        Response r = p.post("/api/v1/clinics", body + "}");
        EXPECT_EQ(r.status, 201) << r.body;
        return std::to_string(r.json()->getValue<std::int64_t>("id"));
    }

    /// Values of one column of a query, straight from the database file.
    std::vector<std::string> column(const std::string& sql) {
        SQLite::Database raw(server.settings().databasePath(), SQLite::OPEN_READONLY);
        SQLite::Statement q(raw, sql);
        std::vector<std::string> out;
        while (q.executeStep())
            out.push_back(q.getColumn(0).isNull() ? "" : q.getColumn(0).getString());
        return out;
    }
};

}  // namespace rxdesk::testing
