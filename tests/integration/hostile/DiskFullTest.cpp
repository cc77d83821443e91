// A full disk while a blob or a row is written: the request fails cleanly (503 disk_full),
// nothing half-written is left, the server keeps serving reads, and the same request
// succeeds once there is room again.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "crypto/Hashing.h"
#include "integration/hostile/HostileFixture.h"
#include "store/PosixFileSystem.h"
#include "support/FailingFileSystem.h"

using namespace rxdesk;
using namespace rxdesk::testing;

namespace {

struct BlobFiles {
    int complete = 0;  ///< named by their hash, content matching it
    int other = 0;     ///< temporary or partial files, or content not matching the name
};

BlobFiles scanBlobs(const std::string& root) {
    BlobFiles out;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        std::string name = it->path().filename().string();
        store::PosixFileSystem fs;
        auto bytes = fs.read(it->path().string());
        if (name.size() == 64 && bytes && crypto::sha256Hex(*bytes) == name)
            ++out.complete;
        else
            ++out.other;
    }
    return out;
}

// Blob files that no row names: what a failed upload leaves behind.
int unreferencedBlobs(HostileFixture& f) {
    SQLite::Database raw(f.server.settings().databasePath(), SQLite::OPEN_READONLY);
    std::set<std::string> referenced;
    for (const char* sql :
         {"SELECT source_sha256 FROM prescriptions WHERE source_sha256 IS NOT NULL",
          "SELECT blob_id FROM prescription_pages",
          "SELECT preview_blob_id FROM prescription_pages"}) {
        try {
            SQLite::Statement q(raw, sql);
            while (q.executeStep()) referenced.insert(q.getColumn(0).getString());
        } catch (const SQLite::Exception&) {
        }
    }
    int n = 0;
    std::error_code ec;
    for (auto it =
             std::filesystem::recursive_directory_iterator(f.server.settings().blobRoot(), ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file() && !referenced.count(it->path().filename().string())) ++n;
    return n;
}

void setMaxPageCount(app::Services& services, const std::string& value) {
    services.database().withWriter([&](SQLite::Database& writer) {
        std::string count = value;
        if (value == "current")
            count = std::to_string(writer.execAndGet("PRAGMA page_count").getInt());
        writer.exec("PRAGMA max_page_count = " + count);
        return 0;
    });
}

}  // namespace

TEST(DiskFull, AFaxUploadFailsCleanlyWhicheverBlobWriteHitsTheFullDisk) {
    store::PosixFileSystem real;
    FailingFileSystem disk(real);
    TestServerOptions options;
    options.file_system = &disk;
    HostileFixture f(std::move(options));
    TestClient clerk = f.server.loggedIn(f.clerk);
    const auto before = f.rowCounts();

    // A fax writes three blobs: the source document, the page PNG and its preview.
    for (int nth = 1; nth <= 3; ++nth) {
        SCOPED_TRACE("write " + std::to_string(nth) + " fails");
        disk.failWrite(nth);
        Response r = f.sendFax(f.faxOf(f.prescription("RX-DF-" + std::to_string(nth))));
        EXPECT_EQ(r.status, 503) << r.body;
        EXPECT_EQ(r.errorCode(), "disk_full");
        EXPECT_EQ(disk.failedWrites(), nth);
        EXPECT_EQ(f.rowCounts(), before) << "no prescription, page or audit-visible row";
        EXPECT_EQ(scanBlobs(f.server.settings().blobRoot()).other, 0)
            << "no partial or temporary files";
        EXPECT_EQ(clerk.get("/api/v1/prescriptions").status, 200) << "reads still served";
        EXPECT_EQ(clerk.get("/api/v1/prescriptions/" + std::to_string(f.seeded_id)).status, 200);
        EXPECT_EQ(f.server.client().get("/healthz").status, 200);
    }
    // Only complete, verified blobs from the failed attempts remain, named by nobody.
    std::cout << "[ disk full ] unreferenced blobs after 3 failed uploads: " << unreferencedBlobs(f)
              << "\n";

    disk.heal();
    Response ok = f.sendFax(f.faxOf(f.prescription("RX-DF-2")));
    EXPECT_EQ(ok.status, 201) << "the same fax goes through once there is room: " << ok.body;
    EXPECT_EQ(f.count("prescriptions"), before.at("prescriptions") + 1);
    EXPECT_EQ(scanBlobs(f.server.settings().blobRoot()).other, 0);
}

TEST(DiskFull, AStickyFullDiskRefusesEveryUploadButNotReads) {
    store::PosixFileSystem real;
    FailingFileSystem disk(real);
    TestServerOptions options;
    options.file_system = &disk;
    HostileFixture f(std::move(options));
    TestClient clerk = f.server.loggedIn(f.clerk);
    disk.failWrite(1, /*sticky=*/true);
    for (int i = 0; i < 5; ++i) {
        Response r = f.sendFax(f.faxOf(f.prescription("RX-ST-" + std::to_string(i))));
        EXPECT_EQ(r.status, 503);
        EXPECT_EQ(r.errorCode(), "disk_full");
    }
    EXPECT_EQ(clerk.get("/api/v1/prescriptions").status, 200);
    // A JSON submission writes no blob: it is not affected by a full blob directory.
    EXPECT_EQ(f.clinic.post("/api/v1/prescriptions", f.submission("sticky-json")).status, 201);
    EXPECT_EQ(f.count("prescription_pages"), 0);
    disk.heal();
    EXPECT_EQ(f.sendFax(f.faxOf(f.prescription("RX-ST-0"))).status, 201);
}

// SQLite's own "database or disk is full": the writer connection is capped at its current
// size with PRAGMA max_page_count (per connection; rxdesk writes through one connection),
// so the next write that needs a new page fails with SQLITE_FULL exactly as a full disk.
TEST(DiskFull, ARowThatCannotBeWrittenFailsCleanlyAndTheRetrySucceeds) {
    HostileFixture f;
    TestClient clerk = f.server.loggedIn(f.clerk);
    // Fill the free pages of the file so that the next insert really needs a new page.
    const auto before = f.rowCounts();
    setMaxPageCount(f.server.services(), "current");

    int refused = 0;
    for (int i = 0; i < 20; ++i) {  // free pages inside the file may absorb the first few
        Response r =
            f.clinic.post("/api/v1/prescriptions", f.submission("full-" + std::to_string(i)));
        if (r.status == 201) continue;
        EXPECT_EQ(r.status, 503) << r.body;
        EXPECT_EQ(r.errorCode(), "disk_full") << r.body;
        ++refused;
        break;
    }
    ASSERT_EQ(refused, 1) << "the cap never bit";
    const auto at_failure = f.rowCounts();
    EXPECT_EQ(clerk.get("/api/v1/prescriptions").status, 200) << "reads still served";
    EXPECT_EQ(f.server.client().get("/healthz").status, 200);
    Response fax = f.sendFax(f.faxOf(f.prescription("RX-ROW-1")));
    EXPECT_EQ(fax.status, 503) << "a fax's row fails the same way: " << fax.body;
    EXPECT_EQ(f.rowCounts(), at_failure) << "nothing half-written";

    setMaxPageCount(f.server.services(), "1073741823");
    Response retry = f.clinic.post("/api/v1/prescriptions", f.submission("full-retry"));
    EXPECT_EQ(retry.status, 201) << retry.body;
    EXPECT_EQ(f.sendFax(f.faxOf(f.prescription("RX-ROW-1"))).status, 201);
    EXPECT_GT(f.rowCounts().at("prescriptions"), before.at("prescriptions"));
    EXPECT_FALSE(f.server.services().audit().verify().broken)
        << "the audit chain survived the failed writes";
}
