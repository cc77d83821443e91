#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "integration/originals/OriginalsFixture.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

originals::RetentionReport runRetention(OriginalsFixture& f) {
    return f.server.services().retention().run(
        auth::Caller{auth::Principal::system("test"), "local"});
}

std::string pagesOf(const std::string& id, const std::string& kind) {
    return "SELECT blob_id FROM prescription_pages WHERE prescription_id = " + id +
           " AND kind = '" + kind +
           "' UNION SELECT preview_blob_id FROM prescription_pages WHERE prescription_id = " + id +
           " AND kind = '" + kind + "'";
}

}  // namespace

TEST(Retention, RemovesPrescriptionsThreeYearsAfterCompletionAndOnlyUnreferencedImages) {
    OriginalsFixture f;
    f.setDay(OriginalsFixture::day(2026, 1, 9));
    auto old_rx = f.prescription("OLD");
    std::string old_id = f.faxIn(old_rx);
    TestClient clerk = f.server.loggedIn(f.clerk);
    ASSERT_EQ(f.scanOriginal(clerk, old_id, 1, f.originalOf(old_rx)).status, 200);
    f.complete(old_id);  // completed 2026-01-09

    f.setDay(OriginalsFixture::day(2026, 1, 10));
    auto young_rx = f.prescription("YOUNG");
    std::string young_id = f.faxIn(young_rx);
    // The young prescription's original scan is the very document faxed for the old one
    // (a mismatch): those images are then named by both prescriptions.
    TestClient clerk2 = f.server.loggedIn(f.clerk);
    ASSERT_EQ(f.scanOriginal(clerk2, young_id, 1, f.faxOf(old_rx)).status, 200);
    f.complete(young_id);                                         // completed 2026-01-10
    std::string still_working = f.faxIn(f.prescription("OPEN"));  // never completed

    auto shared = f.column(pagesOf(old_id, "fax"));
    auto only_old = f.column(pagesOf(old_id, "original"));
    auto young_fax = f.column(pagesOf(young_id, "fax"));
    ASSERT_EQ(shared.size(), 2u);
    ASSERT_EQ(only_old.size(), 2u);
    ASSERT_EQ(f.column(pagesOf(young_id, "original")), shared) << "same bytes, same blobs";
    auto& blobs = f.server.services().blobs();

    f.setDay(OriginalsFixture::day(2029, 1, 9), 23);  // the last day of the 3 years
    auto kept = runRetention(f);
    EXPECT_EQ(formatDate(kept.kept_from), "2026-01-09");
    EXPECT_EQ(kept.removed.prescriptions, 0);
    EXPECT_EQ(f.count("prescriptions"), 3);

    f.setDay(OriginalsFixture::day(2029, 1, 10));
    auto report = runRetention(f);
    EXPECT_EQ(report.removed.prescriptions, 1);
    EXPECT_EQ(f.column("SELECT prescription_number FROM prescriptions ORDER BY id"),
              (std::vector<std::string>{"YOUNG", "OPEN"}));
    for (const char* table : {"prescription_pages", "prescription_findings", "prescription_events",
                              "original_reconciliations"})
        EXPECT_EQ(f.column(std::string("SELECT COUNT(*) FROM ") + table +
                           " WHERE prescription_id = " + old_id),
                  std::vector<std::string>{"0"})
            << table;
    EXPECT_GT(report.removed.rows_by_table.at("prescription_events"), 0);
    for (const auto& id : only_old) EXPECT_FALSE(blobs.contains(id)) << "no row names it any more";
    for (const auto& id : shared)
        EXPECT_TRUE(blobs.contains(id)) << "still the young original's image";
    for (const auto& id : young_fax) EXPECT_TRUE(blobs.contains(id));
    EXPECT_EQ(report.blobs_removed, 2 + 1)
        << "the original's page and preview, and its source document";

    auto audit =
        f.column("SELECT detail FROM audit_log WHERE action = 'retention.run' ORDER BY seq");
    ASSERT_EQ(audit.size(), 2u);
    EXPECT_NE(audit[1].find("prescriptions=1"), std::string::npos) << audit[1];
    EXPECT_EQ(audit[1].find("日薬"), std::string::npos);
    EXPECT_EQ(audit[1].find("OLD"), std::string::npos);
    EXPECT_GT(
        std::stoi(f.column("SELECT COUNT(*) FROM audit_log WHERE object_id = '" + old_id + "'")[0]),
        0)
        << "the audit log is append-only and keeps the old entries";
    EXPECT_FALSE(f.server.services().audit().verify().broken.has_value());

    f.setDay(OriginalsFixture::day(2029, 1, 11));
    EXPECT_EQ(runRetention(f).removed.prescriptions, 1) << "the young one a day later";
    EXPECT_EQ(f.column("SELECT prescription_number FROM prescriptions"),
              std::vector<std::string>{"OPEN"});
    for (const auto& id : shared) EXPECT_FALSE(blobs.contains(id));
    (void)still_working;
}

TEST(Retention, TheCommandLineRunsTheJob) {
    TempDir dir;
    std::string command = "cd '" + dir.path() + "' && RXDESK_CONFIG= RXDESK_DATA_DIR='" +
                          dir.path() + "/data' '" RXDESK_BINARY "' retention run --json > out.json";
    ASSERT_EQ(std::system(command.c_str()), 0);
    std::ifstream in(dir.path() + "/out.json");
    std::string out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(out.find("\"prescriptions\":0"), std::string::npos) << out;
    EXPECT_NE(out.find("\"kept_from\""), std::string::npos) << out;
}
