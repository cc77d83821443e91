// The retention job covers every kind of row that holds patient data or copies of it:
// cancelled (取消) and misdirected (誤送信) prescriptions as long as dispensed ones counted
// from their end, originals that never matched a prescription counted from their arrival,
// and stored idempotent answers after a day.
#include <gtest/gtest.h>

#include "integration/originals/OriginalsFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

originals::RetentionReport runRetention(OriginalsFixture& f) {
    return f.server.services().retention().run(
        auth::Caller{auth::Principal::system("test"), "local"});
}

int rows(OriginalsFixture& f, const std::string& sql) {
    return std::stoi(f.column(sql)[0]);
}

}  // namespace

TEST(RetentionCoverage, CancelledMisdirectedOrphansAndIdempotencyKeysExpireToo) {
    OriginalsFixture f;
    f.setDay(OriginalsFixture::day(2026, 1, 9));
    TestClient pharmacist = f.server.loggedIn(f.pharmacist);
    const std::string cancelled = f.faxIn(f.prescription("CANCELLED"));
    ASSERT_EQ(f.act(pharmacist, cancelled, "cancel").status, 200);
    const std::string misdirected = f.faxIn(f.prescription("MISDIRECTED"));
    ASSERT_EQ(f.act(pharmacist, misdirected, "mark_misdirected").status, 200);
    const std::string open = f.faxIn(f.prescription("OPEN"));  // never ends: always kept
    TestClient clerk = f.server.loggedIn(f.clerk);
    auto unmatched = f.prescription("NO-MATCH");
    unmatched.institution.code = "7654321";  // from a clinic nothing here came from
    unmatched.patient.code = "P-OTHER";
    Response held =
        clerk.request("POST", "/api/v1/originals", f.originalOf(unmatched), "image/tiff");
    ASSERT_EQ(held.status, 201) << held.body;
    ASSERT_EQ(held.json()->getValue<std::string>("outcome"), "held");
    const std::string orphan =
        std::to_string(held.json()->getObject("orphan")->getValue<int>("id"));
    const auto orphan_blobs = f.column(
        "SELECT blob_id FROM orphan_original_pages WHERE orphan_id = " + orphan +
        " UNION SELECT preview_blob_id FROM orphan_original_pages WHERE orphan_id = " + orphan +
        " UNION SELECT source_sha256 FROM orphan_originals WHERE id = " + orphan);
    ASSERT_GE(orphan_blobs.size(), 2u);
    // A stored idempotent answer, as the HTTP wrapper saves it, made now (09th, 10:00).
    f.server.services().database().write([&] {
        f.server.services().database().connection().exec(
            "INSERT INTO idempotency_keys (principal, idem_key, route, request_hash, status, "
            "response_body, created_at) VALUES ('client:1', 'k-old', '/x', 'h', 201, '{}', " +
            std::to_string(unixSeconds(f.server.clock().now())) + ")");
    });
    auto& blobs = f.server.services().blobs();

    // Idempotency keys go after 24 hours; nothing else does.
    f.setDay(OriginalsFixture::day(2026, 1, 10), 9);
    EXPECT_EQ(runRetention(f).idempotency_keys_removed, 0) << "23 hours old: kept";
    f.setDay(OriginalsFixture::day(2026, 1, 10), 11);
    auto day_after = runRetention(f);
    EXPECT_EQ(day_after.idempotency_keys_removed, 1);
    EXPECT_EQ(rows(f, "SELECT COUNT(*) FROM idempotency_keys"), 0);
    EXPECT_EQ(day_after.removed.prescriptions, 0);
    EXPECT_EQ(day_after.orphans_removed, 0);

    // The last day of the three years: all kept.
    f.setDay(OriginalsFixture::day(2029, 1, 9), 23);
    auto kept = runRetention(f);
    EXPECT_EQ(kept.removed.prescriptions, 0);
    EXPECT_EQ(kept.orphans_removed, 0);
    EXPECT_EQ(rows(f, "SELECT COUNT(*) FROM prescriptions"), 3);

    // The day after: the cancelled and the misdirected one go, with every row of theirs, and
    // the original nobody claimed with its images; the open one stays.
    f.setDay(OriginalsFixture::day(2029, 1, 10));
    auto report = runRetention(f);
    EXPECT_EQ(report.removed.prescriptions, 2);
    EXPECT_EQ(f.column("SELECT id FROM prescriptions"), std::vector<std::string>{open});
    for (const auto& id : {cancelled, misdirected})
        for (const char* table :
             {"prescription_pages", "prescription_events", "prescription_findings"})
            EXPECT_EQ(rows(f, std::string("SELECT COUNT(*) FROM ") + table +
                                  " WHERE prescription_id = " + id),
                      0)
                << table;
    EXPECT_EQ(report.orphans_removed, 1);
    EXPECT_EQ(rows(f, "SELECT COUNT(*) FROM orphan_originals"), 0);
    EXPECT_EQ(rows(f, "SELECT COUNT(*) FROM orphan_original_pages"), 0);
    for (const auto& id : orphan_blobs) EXPECT_FALSE(blobs.contains(id)) << id;
    auto detail = f.column(
        "SELECT detail FROM audit_log WHERE action = 'retention.run' ORDER BY seq DESC LIMIT 1")[0];
    EXPECT_NE(detail.find("orphans=1"), std::string::npos) << detail;
    EXPECT_EQ(detail.find("NO-MATCH"), std::string::npos);
    EXPECT_FALSE(f.server.services().audit().verify().broken.has_value());
}
