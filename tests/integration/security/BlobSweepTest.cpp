// Blobs left by requests that failed after writing them (blobs go to disk before the rows
// naming them) are swept: once seen unreferenced for an hour, never while a row names them,
// never when put again meanwhile.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <set>

#include "integration/intake/IntakeFixture.h"
#include "store/PosixFileSystem.h"
#include "support/FailingFileSystem.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

std::set<std::string> blobIds(TestServer& server) {
    auto listed = server.services().blobs().list();
    return {listed.begin(), listed.end()};
}

}  // namespace

TEST(BlobSweep, BlobsOfAFailedUploadAreRemovedAfterAnHourAndReferencedOnesNever) {
    store::PosixFileSystem real;
    FailingFileSystem disk(real);
    TestServerOptions options;
    options.file_system = &disk;
    IntakeFixture f(std::move(options));
    auto& sweeper = f.server.services().blobSweeper();
    auto& clock = f.server.clock();

    Response kept = f.sendFax(f.faxOf(f.prescription("RX-KEPT")));
    ASSERT_EQ(kept.status, 201) << kept.body;
    const auto named = blobIds(f.server);
    ASSERT_EQ(named.size(), 3u) << "source, page and preview";

    // The third blob write of the next fax fails: the request fails, two blobs stay behind.
    disk.failWrite(3);
    const std::string failed_fax = f.faxOf(f.prescription("RX-FAILED"));
    ASSERT_EQ(f.sendFax(failed_fax).status, 503);
    auto all = blobIds(f.server);
    std::set<std::string> orphans;
    for (const auto& id : all)
        if (!named.count(id)) orphans.insert(id);
    ASSERT_EQ(orphans.size(), 2u);

    // First sweep after start: puts before it are unknown, nothing is removed yet.
    auto first = sweeper.run();
    EXPECT_EQ(first.removed, 0);
    EXPECT_EQ(first.pending, 2);
    clock.advance(std::chrono::minutes(59));
    EXPECT_EQ(sweeper.run().removed, 0) << "not an hour yet";
    clock.advance(std::chrono::minutes(2));
    auto swept = sweeper.run();
    EXPECT_EQ(swept.removed, 2);
    EXPECT_EQ(swept.pending, 0);
    EXPECT_EQ(blobIds(f.server), named) << "exactly the orphans went; named blobs stay";
    for (const auto& id : named) EXPECT_NO_THROW(f.server.services().blobs().get(id));

    // Days later, still nothing named is touched.
    clock.advance(std::chrono::hours(72));
    EXPECT_EQ(sweeper.run().removed, 0);
    EXPECT_EQ(blobIds(f.server), named);
    SQLite::Database raw(f.server.settings().databasePath(), SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("SELECT COUNT(*) FROM audit_log WHERE action = 'blob.sweep' AND "
                             "detail = 'removed=2 pending=0'")
                  .getInt(),
              1);
}

TEST(BlobSweep, ABlobPutAgainOrNamedAgainIsNotRemoved) {
    store::PosixFileSystem real;
    FailingFileSystem disk(real);
    TestServerOptions options;
    options.file_system = &disk;
    IntakeFixture f(std::move(options));
    auto& sweeper = f.server.services().blobSweeper();
    auto& clock = f.server.clock();
    auto& blobs = f.server.services().blobs();

    const std::string lone = blobs.put("bytes of a request that failed");
    disk.failWrite(3);
    const std::string fax = f.faxOf(f.prescription("RX-RETRY"));
    ASSERT_EQ(f.sendFax(fax).status, 503);
    sweeper.run();
    ASSERT_EQ(sweeper.run().pending, 3);

    // The same bytes arrive again (content-addressed: the same blob) …
    blobs.put("bytes of a request that failed");
    // … and the failed fax is resent and goes through, naming its blobs.
    disk.heal();
    ASSERT_EQ(f.sendFax(fax).status, 201);
    clock.advance(std::chrono::hours(2));
    auto after = sweeper.run();
    EXPECT_EQ(after.removed, 0) << "put again since the last sweep, or named by a row";
    EXPECT_TRUE(blobs.contains(lone));
    EXPECT_EQ(after.pending, 0);
    // Left alone again, the lone blob starts over and goes an hour later.
    sweeper.run();
    clock.advance(std::chrono::minutes(61));
    EXPECT_EQ(sweeper.run().removed, 1);
    EXPECT_FALSE(blobs.contains(lone));
    EXPECT_EQ(blobIds(f.server).size(), 3u) << "the resent fax keeps its three blobs";
}

TEST(BlobSweep, CandidatesSurviveARestart) {
    TempDir dir;
    TestServerOptions options;
    options.data_dir = dir.path() + "/data";
    std::string lone;
    {
        TestServer first(options);
        lone = first.services().blobs().put("left behind");
        first.services().blobSweeper().run();
        EXPECT_EQ(first.services().blobSweeper().run().pending, 1);
    }
    TestServer second(options);
    second.clock().advance(std::chrono::hours(2));
    auto& sweeper = second.services().blobSweeper();
    EXPECT_EQ(sweeper.run().removed, 0) << "the first sweep of a process removes nothing";
    EXPECT_EQ(sweeper.run().removed, 1) << "seen for over an hour, across the restart";
    EXPECT_FALSE(second.services().blobs().contains(lone));
}
